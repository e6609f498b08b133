import "server-only";
import path from "node:path";
import type { Metadata } from "next";
import { z } from "zod";
import { siteConfig } from "../config";
import { env, previewUnpublished } from "../env";
import type { Library } from "../content/queries";
import { getContent, getLibrary } from "../content/store";
import { processSingleton } from "../process-singleton";
import type { Category, Content, Post } from "../content/types";
import {
  SEARCH_INDEX_FILE,
  type SearchHit,
  type SearchIndex,
  type SearchPage,
  createSearch,
  memorySearchIndex,
  openSearchIndex,
  searchDocuments,
} from "../search";
import { cleanQuery } from "../search/normalize";
import type { ListingCard } from "./listing";

const cache = processSingleton("search", () => ({
  indexes: new WeakMap<Content, SearchIndex>(),
  searches: new WeakMap<Library, ReturnType<typeof createSearch>>(),
}));

/**
 * The index covers all the content, scheduled posts included: the build's file, or (the editors' preview, a
 * bare `next build`) one made in memory on the first search. Each library, remade as a scheduled post goes
 * live, searches its own posts in it.
 */
function searchFor(library: Library) {
  const content = getContent();
  let index = cache.indexes.get(content);
  if (!index) {
    const built = previewUnpublished ? undefined : openSearchIndex(path.join(/*turbopackIgnore: true*/ env.NEXT_DIST_DIR, SEARCH_INDEX_FILE));
    index = built ?? memorySearchIndex(searchDocuments(content));
    cache.indexes.set(content, index);
  }
  let search = cache.searches.get(library);
  if (!search) cache.searches.set(library, (search = createSearch(library, siteConfig.postsPerPage, index)));
  return search;
}

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// URL params are untrusted: anything odd becomes an empty query or page 1, never an error page.
const searchParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().catch("")).transform(cleanQuery).default(""),
  // A page past the last shows the last, as search() clamps it.
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).catch(1)).default(1),
});

export type SearchCard = SearchHit & Omit<ListingCard, "post">;
export type SearchView = Omit<SearchPage, "hits"> & {
  cards: SearchCard[];
  /** For the empty and no-result states: where a reader might go instead. */
  latest: ListingCard[];
  categories: Category[];
};

const LATEST_COUNT = 5;

export function runSearch(params: Record<string, string | string[] | undefined>): SearchView {
  const { q, page } = searchParamsSchema.parse(params);
  const library = getLibrary();
  const { hits, ...result } = searchFor(library)(q, page);
  const withByline = <T extends { post: Post }>(item: T) => ({
    ...item,
    author: library.getAuthor(item.post.author),
    category: library.getCategory(item.post.category),
  });
  return {
    ...result,
    cards: hits.map(withByline),
    latest: result.total ? [] : library.posts.slice(0, LATEST_COUNT).map((post) => withByline({ post })),
    categories: library.categoriesWithPosts(),
  };
}

/** Up to `limit` results with public fields only, for the search box's suggestions. */
export function suggest(rawQuery: string, limit: number) {
  const library = getLibrary();
  return searchFor(library)(cleanQuery(rawQuery), 1)
    .hits.slice(0, limit)
    .map(({ post }) => ({
      url: `/news/${post.slug}`,
      title: post.title,
      category: library.getCategory(post.category)?.name ?? "",
      date: post.date,
    }));
}

export function searchMetadata(params: Record<string, string | string[] | undefined>): Metadata {
  const { q } = searchParamsSchema.parse(params);
  return {
    title: q ? `Search results for “${q}”` : "Search",
    description: `Search ${siteConfig.name}'s stories.`,
    robots: { index: false, follow: true },
  };
}
