import "server-only";
import type { SearchResult } from "minisearch";
import type { Library } from "../content/queries";
import { renderPost } from "../content/render";
import type { Post } from "../content/types";
import { type IndexOptions, buildIndex } from "./build-index";
import { type Segment, highlight } from "./highlight";
import { WORD_PATTERN, cleanQuery, indexTerms } from "./normalize";

/** Words of a query past these are left out: a 200-character query of short words stays as cheap as a sentence. */
const MAX_QUERY_TERMS = 8;

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
    // "ethe" finds Ethereum; whole words still score higher. Shorter terms would expand to most of the
    // vocabulary: a query of single letters must cost no more than one of words.
    prefix: (term) => term.length >= 3,
    // "etherum" and "binanse" find their words; a long word may have two letters wrong or swapped ("bitcion").
    fuzzy: (term) => (term.length >= 7 ? 2 : term.length >= 4 ? 1 : false),
  },
};

export type SearchHit = {
  post: Post;
  title: Segment[];
  description: Segment[];
};

export type SearchPage = {
  query: string;
  /** The query has words, but only ones too common to search for ("the", "of"). */
  onlyCommonWords: boolean;
  total: number;
  page: number;
  totalPages: number;
  hits: SearchHit[];
};

/** The index of posts' words: a build's covers its scheduled posts too, which each search leaves out until their moment. */
export function indexPosts(posts: Post[]) {
  return buildIndex(posts.map(searchDocument), INDEX_OPTIONS);
}

/**
 * Full-text search over the posts of one library, with an index of them (made here unless given, e.g. the
 * build's, which may hold more: only the library's posts are found). Stories with every word come first,
 * then those with some.
 */
export function createSearch(library: Library, perPage: number, index = indexPosts(library.posts)) {
  const publishedAt = new Map(library.posts.map((post) => [post.slug, post.publishedAt]));
  const inLibrary = (result: SearchResult) => publishedAt.has(result.id);

  /** One search for any of the words (the first few); the stories that matched every word go first. */
  function rank(queryTerms: string[]): SearchResult[] {
    const terms = [...new Set(queryTerms)].slice(0, MAX_QUERY_TERMS);
    const results = index.search(terms.join(" "), { filter: inLibrary });
    const wanted = terms.length;
    // Newer stories win ties.
    const order = (a: SearchResult, b: SearchResult) =>
      Number(b.queryTerms.length >= wanted) - Number(a.queryTerms.length >= wanted) ||
      b.score - a.score ||
      publishedAt.get(b.id)! - publishedAt.get(a.id)!;
    return results.sort(order);
  }

  return function search(rawQuery: string, page = 1): SearchPage {
    const query = cleanQuery(rawQuery);
    const terms = indexTerms(query);
    const results = terms.length > 0 ? rank(terms) : [];
    const totalPages = Math.max(1, Math.ceil(results.length / perPage));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), totalPages);
    const hits = results.slice((current - 1) * perPage, current * perPage).map((result) => {
      const post = library.getPost(result.id)!;
      const matched = new Set(result.terms);
      return { post, title: highlight(post.title, matched), description: highlight(post.description, matched) };
    });
    const onlyCommonWords = terms.length === 0 && query.match(WORD_PATTERN) !== null;
    return { query, onlyCommonWords, total: results.length, page: current, totalPages, hits };
  };
}
