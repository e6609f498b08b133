import { Stylesheets } from "@/components/html/Stylesheets";
import { Pagination } from "@/components/listing/Pagination";
import { PostCard } from "@/components/listing/PostCard";
import { PostMeta } from "@/components/post/PostMeta";
import type { SearchView } from "@/lib/pages/search";
import { Highlighted } from "./Highlighted";

const searchHref = (query: string, page: number) =>
  `/search?${new URLSearchParams({ q: query, ...(page > 1 && { page: String(page) }) })}`;

function Suggestions({ view }: { view: SearchView }) {
  return (
    <>
      <section aria-labelledby="browse-heading" className="search-browse">
        <h2 id="browse-heading">Browse the sections</h2>
        <ul className="tag-list">
          {view.categories.map((category) => (
            <li key={category.slug}>
              <a href={`/category/${category.slug}`}>{category.name}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest stories</h2>
        <div className="card-grid">
          {view.latest.map((card) => (
            <PostCard key={card.post.slug} {...card} headingLevel="h3" />
          ))}
        </div>
      </section>
    </>
  );
}

export function SearchResults({ view }: { view: SearchView }) {
  const { query, total, page, totalPages, cards } = view;
  return (
    <div className="search-page">
      <Stylesheets sheets={["listing", "search"]} />
      <h1>{query ? <>Results for “{query}”</> : "Search"}</h1>
      <form role="search" aria-label="Search again" action="/search" method="get" className="search-page__form">
        {/* Named apart from the header's "Search stories" box, so each is found by its own name. */}
        <label htmlFor="search-page-query">Search again</label>
        <input id="search-page-query" name="q" type="search" defaultValue={query} maxLength={200} />
        <button type="submit">Search</button>
      </form>
      {!query && <p>Type a word or two: a coin, an exchange, a person, a place. Misspellings are fine.</p>}
      {query && total === 0 && (
        <p role="status">
          {view.onlyCommonWords
            ? `“${query}” has only words too common to search for. Add a more specific word, or browse the sections below.`
            : `No stories match “${query}”. Try fewer or broader words, or browse the sections below.`}
        </p>
      )}
      {total > 0 && (
        <>
          <p role="status">
            {total} {total === 1 ? "story matches" : "stories match"}
          </p>
          <ol className="search-results">
            {cards.map((card) => (
              <li key={card.post.slug} className="search-result">
                {card.category && <span className="post-card__category">{card.category.name}</span>}
                <h2 className="post-card__title">
                  <a href={`/news/${card.post.slug}`}>
                    <Highlighted segments={card.title} />
                  </a>
                </h2>
                <p className="post-card__description">
                  <Highlighted segments={card.description} />
                </p>
                <PostMeta post={card.post} author={card.author} />
              </li>
            ))}
          </ol>
          <Pagination
            page={page}
            totalPages={totalPages}
            href={(n) => searchHref(query, n)}
            labels={{ previous: "Previous results", next: "More results" }}
          />
        </>
      )}
      {total === 0 && <Suggestions view={view} />}
    </div>
  );
}
