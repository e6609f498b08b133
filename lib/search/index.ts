import "server-only";
import { distance } from "fastest-levenshtein";
import type { Library } from "../content/queries";
import { markdownText } from "../content/text";
import type { Content, Post } from "../content/types";
import { type Segment, highlight } from "./highlight";
import { WORD_PATTERN, cleanQuery, indexTerms } from "./normalize";
import type { SearchDocument, SearchIndex } from "./store";

export { SEARCH_INDEX_FILE, createSearchIndexWriter, memorySearchIndex, openSearchIndex } from "./store";
export type { SearchDocument, SearchIndex } from "./store";

/** Words of a query past these are left out: a 200-character query of short words stays as cheap as a sentence. */
const MAX_QUERY_TERMS = 8;
/** Of a misspelt word's near spellings, the commonest are searched for. */
const MAX_NEAR_SPELLINGS = 30;

/** What the index holds of a post, given the text of its body. */
export function searchDocument(post: Post, body: string): SearchDocument {
  const { slug, title, description, publishedAt } = post;
  return { slug, title, tags: post.tags.map((tag) => tag.name), description, body, publishedAt };
}

/** Every post of the content, scheduled and drafts included: each library finds only its own. */
export function* searchDocuments(content: Content): Iterable<SearchDocument> {
  for (const post of content.posts) yield searchDocument(post, markdownText(content.markdownOf(post.slug) ?? ""));
}

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

/** How far a word may be misspelt: a long word may have two letters wrong or swapped ("bitcion"), a short one none. */
const typosAllowed = (word: string) => (word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0);

/** A term as FTS5 reads it: quoted, so no query can be read as FTS5's own syntax. Terms hold only letters and digits. */
const quoted = (term: string) => `"${term}"`;

/** The commonest words of the vocabulary (commonest first) within `typos` edits of `word`. */
function nearSpellings(word: string, typos: number, vocabulary: readonly string[]) {
  const near: string[] = [];
  for (const term of vocabulary) {
    // The length test first: it rules out most words without the cost of an edit distance.
    if (Math.abs(term.length - word.length) > typos || term === word || distance(term, word) > typos) continue;
    if (near.push(term) === MAX_NEAR_SPELLINGS) break;
  }
  return near;
}

/**
 * A query word and what it matches: itself; from three letters, the words it begins ("ethe": ethereum); from
 * four, when the index does not hold it, its words spelt nearly like it ("etherum", "binanse"). A word the
 * index holds is taken as meant, which spares most queries a pass over the whole vocabulary.
 */
function queryWord(word: string, index: SearchIndex) {
  const typos = index.hasTerm(word) ? 0 : typosAllowed(word);
  const near = typos ? nearSpellings(word, typos, index.vocabulary()) : [];
  const prefix = word.length >= 3;
  return {
    exact: quoted(word),
    loose: `(${[prefix ? `${quoted(word)}*` : quoted(word), ...near.map(quoted)].join(" OR ")})`,
    matches: (term: string) => term === word || (prefix && term.startsWith(word)) || near.includes(term),
  };
}

/** The ids of the index's documents that a library does not have (its scheduled posts, drafts): read once per library. */
function leftOut(library: Library, index: SearchIndex) {
  let ids: number[] | undefined;
  return () => {
    if (ids) return ids;
    ids = [];
    for (const [id, slug] of index.documents()) if (!library.getPost(slug)) ids.push(id);
    return ids;
  };
}

/**
 * Full-text search over the posts of one library, in an index that may hold more (a build's holds its
 * scheduled posts: each is found from its moment, when the library has it). Stories with every word as
 * typed come first, then those with every word allowing for beginnings and misspellings, then those with
 * some; within each, the best match (a title outweighs tags, the standfirst and the body), then the newer.
 */
export function createSearch(library: Library, perPage: number, index: SearchIndex) {
  const excluded = leftOut(library, index);

  return function search(rawQuery: string, page = 1): SearchPage {
    const query = cleanQuery(rawQuery);
    const terms = indexTerms(query);
    const words = [...new Set(terms)].slice(0, MAX_QUERY_TERMS).map((word) => queryWord(word, index));
    const tiered = {
      exact: words.map((word) => word.exact).join(" AND "),
      every: words.map((word) => word.loose).join(" AND "),
      any: words.map((word) => word.loose).join(" OR "),
    };
    const total = words.length > 0 ? index.count(tiered, excluded()) : 0;
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), totalPages);
    const found = total > 0 ? index.page(tiered, excluded(), perPage, (current - 1) * perPage) : [];
    const matches = (term: string) => words.some((word) => word.matches(term));
    const hits = found.map(({ slug }) => {
      const post = library.getPost(slug)!;
      const matched = new Set(indexTerms(`${post.title} ${post.description}`).filter(matches));
      return { post, title: highlight(post.title, matched), description: highlight(post.description, matched) };
    });
    const onlyCommonWords = terms.length === 0 && query.match(WORD_PATTERN) !== null;
    return { query, onlyCommonWords, total, page: current, totalPages, hits };
  };
}
