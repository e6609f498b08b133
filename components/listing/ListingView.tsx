import { Stylesheets } from "@/components/html/Stylesheets";
import { pagePath } from "@/lib/content/listings";
import type { ListingPageData } from "@/lib/pages/listing";
import { Pagination } from "./Pagination";
import { PostCard } from "./PostCard";

type Props = { data: ListingPageData; intro?: React.ReactNode; leadStory?: boolean };

/** A page of a listing: heading, optional intro (an author's bio), cards and pagination. */
export function ListingView({ data, intro, leadStory = false }: Props) {
  const { listing, cards, page, totalPages } = data;
  const [first, ...rest] = cards;
  const showLead = leadStory && page === 1 && first;
  return (
    <div className="listing">
      <Stylesheets sheets={["listing"]} />
      <header className="listing__header">
        <h1>
          {listing.title}
          {page > 1 && <span className="listing__page"> · page {page}</span>}
        </h1>
        {intro ?? <p className="listing__description">{listing.description}</p>}
      </header>
      {showLead && <PostCard {...first} lead headingLevel="h2" />}
      <div className="card-grid">
        {(showLead ? rest : cards).map((card) => (
          <PostCard key={card.post.slug} {...card} headingLevel="h2" />
        ))}
      </div>
      <Pagination page={page} totalPages={totalPages} href={(n) => pagePath(listing.basePath, n)} />
    </div>
  );
}
