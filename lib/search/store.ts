import "server-only";
import Database from "better-sqlite3";
import { createBuildFile, openBuildFile } from "../build-file";
import { indexTerms } from "./normalize";

/** Beside the build's pages: the index of every post the build carries. */
export const SEARCH_INDEX_FILE = "search.db";

/** What the index holds of one post; `body` is the post's text (lib/content/text.ts). */
export type SearchDocument = { slug: string; title: string; tags: string[]; description: string; body: string; publishedAt: number };

/**
 * SQLite's full-text index (FTS5), on disk: 100,000 posts' words do not fit a server's memory, and the file
 * is opened in milliseconds. Every text is reduced to its terms (lib/search/normalize.ts) before FTS5 sees
 * it, so the index and the queries agree on words. Contentless: the index keeps the words, not the texts,
 * which pages read from the content. The vocabulary table serves misspellings.
 * Ids are the order of writing; `documents` maps them to slugs and publication moments.
 */
const FORMAT = 2;
const SCHEMA = `
  CREATE TABLE documents (id INTEGER PRIMARY KEY, slug TEXT NOT NULL, published_at INTEGER NOT NULL);
  CREATE VIRTUAL TABLE terms USING fts5(title, tags, description, body, content='');
  CREATE TABLE vocabulary (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
`;

/** A query as three FTS5 expressions: every word as typed; every word, loosely; any word, loosely. */
export type TieredQuery = { exact: string; every: string; any: string };

export type SearchIndex = {
  /** How many documents match any word, leaving out the `excluded` ids. */
  count(query: TieredQuery, excluded: number[]): number;
  /**
   * A page of the matching documents: those with every word as typed, then every word loosely, then some;
   * within each, best match (the `any` expression's bm25) first, then newer first.
   */
  page(query: TieredQuery, excluded: number[], limit: number, offset: number): { id: number; slug: string }[];
  /** Every indexed document's id and slug, to tell which a library leaves out. */
  documents(): Iterable<[id: number, slug: string]>;
  /** Every indexed term, those in the most documents first, for misspellings; read once. */
  vocabulary(): string[];
  /** Whether a term is in the index. */
  hasTerm(term: string): boolean;
};

const terms = (text: string) => indexTerms(text).join(" ");

function writer(db: Database.Database) {
  const addDocument = db.prepare("INSERT INTO documents (id, slug, published_at) VALUES (?, ?, ?)");
  const addTerms = db.prepare("INSERT INTO terms (rowid, title, tags, description, body) VALUES (?, ?, ?, ?, ?)");
  let id = 0;
  return (document: SearchDocument) => {
    id += 1;
    addDocument.run(id, document.slug, document.publishedAt);
    addTerms.run(id, terms(document.title), terms(document.tags.join(" ")), terms(document.description), terms(document.body));
  };
}

/**
 * Merges the index's segments into one (fewer, larger reads for every query) and stores its vocabulary as a
 * plain table: fts5vocab counts it by reading the whole index, 1.5 s for 100,000 posts, on a server's first search.
 */
function completeIndex(db: Database.Database) {
  db.exec(`
    INSERT INTO terms (terms) VALUES ('optimize');
    CREATE VIRTUAL TABLE temp.counts USING fts5vocab(main, terms, row);
    INSERT INTO vocabulary SELECT term, doc FROM temp.counts;
    DROP TABLE temp.counts;
  `);
}

// Only the page asked for is ranked and read: a word in 90,000 posts would otherwise mean 90,000 rows.
// bm25 weighs a title match six times a body match, a tag three times, the standfirst twice.
const PAGE = `
  SELECT found.id, documents.slug FROM (
    SELECT rowid AS id, bm25(terms, 6, 3, 2, 1) AS score,
      (rowid NOT IN (SELECT rowid FROM terms WHERE terms MATCH :exact)) + (rowid NOT IN (SELECT rowid FROM terms WHERE terms MATCH :every)) AS tier
    FROM terms WHERE terms MATCH :any
  ) AS found JOIN documents ON documents.id = found.id
  WHERE found.id NOT IN (SELECT value FROM json_each(:excluded))
  ORDER BY found.tier, found.score, documents.published_at DESC, documents.slug
  LIMIT :limit OFFSET :offset`;
const COUNT = "SELECT count(*) FROM terms WHERE terms MATCH :any AND rowid NOT IN (SELECT value FROM json_each(:excluded))";

/** The queries of an open index. */
function reader(db: Database.Database): SearchIndex {
  const page = db.prepare(PAGE);
  const count = db.prepare(COUNT).pluck();
  const documents = db.prepare("SELECT id, slug FROM documents").raw();
  const hasTerm = db.prepare("SELECT 1 FROM vocabulary WHERE term = ?").pluck();
  let vocabulary: string[] | undefined;
  return {
    count: ({ any }, excluded) => count.get({ any, excluded: JSON.stringify(excluded) }) as number,
    page: (query, excluded, limit, offset) =>
      page.all({ ...query, excluded: JSON.stringify(excluded), limit, offset }) as { id: number; slug: string }[],
    documents: () => documents.iterate() as Iterable<[number, string]>,
    hasTerm: (term) => hasTerm.get(term) !== undefined,
    vocabulary: () => (vocabulary ??= db.prepare("SELECT term FROM vocabulary ORDER BY documents DESC, term").pluck().all() as string[]),
  };
}

/** Streams documents into a new index file; the file appears under its name only when finished. */
export function createSearchIndexWriter(file: string) {
  const { db, finish } = createBuildFile(file, FORMAT, SCHEMA);
  return { add: writer(db), finish: () => finish(completeIndex) };
}

/** The build's index, read-only; undefined when there is none (a bare `next build`). */
export function openSearchIndex(file: string): SearchIndex | undefined {
  return openBuildFile(file, FORMAT, reader);
}

/** An index in memory, for the editors' preview (`next dev`), a bare `next build`'s server and tests. */
export function memorySearchIndex(documents: Iterable<SearchDocument>): SearchIndex {
  const db = new Database(":memory:");
  db.exec(SCHEMA);
  const add = writer(db);
  db.transaction(() => {
    for (const document of documents) add(document);
  })();
  completeIndex(db);
  return reader(db);
}
