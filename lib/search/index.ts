import "server-only";
import type { SearchResult } from "minisearch";
import type { Library } from "../content/queries";
import { renderPost } from "../content/render";
import type { Post } from "../content/types";
import { type IndexOptions, buildIndex } from "./build-index";
import { type Segment, highlight } from "./highlight";
import { cleanQuery, indexTerms } from "./normalize";

/** A title match beats a tag match, which beats the standfirst, which beats the body. */
const BOOST = { title: 6, tags: 3, description: 2, body: 1 };

/** What the index sees of a post. */
export function searchDocument(post: Post) {
  return {
    id: post.slug,
    title: post.title,
    tags: post.tags.map((tag) => tag.name).join(" "),
    description: post.description,
    body: renderPost(post).plainText,
  };
}

export const INDEX_OPTIONS: IndexOptions<"title" | "tags" | "description" | "body"> = {
  fields: ["title", "tags", "description", "body"],
  terms: indexTerms,
  searchOptions: {
    boost: BOOST,
    // "ethe" finds Ethereum; "etherum" and "binanse" find their words; whole words still score higher.
    prefix: true,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false),
  },
};

export type SearchHit = {
  post: Post;
  title: Segment[];
  description: Segment[];
};

export type SearchPage = { query: string; total: number; page: number; totalPages: number; hits: SearchHit[] };

/**
 * Full-text search over the published posts of one library (drafts and scheduled posts were never
 * in it), indexed once per library. Stories with every word come first, then those with some.
 */
export function createSearch(library: Library, perPage: number) {
  const index = buildIndex(library.posts.map(searchDocument), INDEX_OPTIONS);

  const publishedAt = new Map(library.posts.map((post) => [post.slug, post.publishedAt]));

  /** One search for any of the words; the stories that matched every word go first. */
  function rank(query: string): SearchResult[] {
    const results = index.search(query);
    const wanted = new Set(indexTerms(query)).size;
    // Newer stories win ties.
    const order = (a: SearchResult, b: SearchResult) =>
      Number(b.queryTerms.length >= wanted) - Number(a.queryTerms.length >= wanted) ||
      b.score - a.score ||
      publishedAt.get(b.id)! - publishedAt.get(a.id)!;
    return results.sort(order);
  }

  return function search(rawQuery: string, page = 1): SearchPage {
    const query = cleanQuery(rawQuery);
    const results = query ? rank(query) : [];
    const totalPages = Math.max(1, Math.ceil(results.length / perPage));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), totalPages);
    const hits = results.slice((current - 1) * perPage, current * perPage).map((result) => {
      const post = library.getPost(result.id)!;
      const matched = new Set(result.terms);
      return { post, title: highlight(post.title, matched), description: highlight(post.description, matched) };
    });
    return { query, total: results.length, page: current, totalPages, hits };
  };
}
