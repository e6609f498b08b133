import "server-only";
import { existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
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
 */
const FORMAT = 1;
const SCHEMA = `
  CREATE TABLE documents (id INTEGER PRIMARY KEY, slug TEXT NOT NULL, published_at INTEGER NOT NULL);
  CREATE VIRTUAL TABLE terms USING fts5(title, tags, description, body, content='');
  CREATE VIRTUAL TABLE vocabulary USING fts5vocab(terms, row);
  PRAGMA user_version = ${FORMAT};
`;

export type SearchIndex = {
  /** The documents matching an FTS5 expression, best first (then newer first), by id and slug. */
  ranked(expression: string): { id: number; slug: string }[];
  /** The ids of the documents matching an FTS5 expression. */
  matching(expression: string): Set<number>;
  /** Every indexed term with the number of documents holding it, for misspellings. */
  vocabulary(): { term: string; documents: number }[];
};

const terms = (text: string) => indexTerms(text).join(" ");

function writer(db: Database.Database) {
  db.exec(SCHEMA);
  const addDocument = db.prepare("INSERT INTO documents (id, slug, published_at) VALUES (?, ?, ?)");
  const addTerms = db.prepare("INSERT INTO terms (rowid, title, tags, description, body) VALUES (?, ?, ?, ?, ?)");
  let id = 0;
  return (document: SearchDocument) => {
    id += 1;
    addDocument.run(id, document.slug, document.publishedAt);
    addTerms.run(id, terms(document.title), terms(document.tags.join(" ")), terms(document.description), terms(document.body));
  };
}

/** The queries of an open index; the vocabulary is read once, when first needed. */
function reader(db: Database.Database): SearchIndex {
  // A title match counts six times a body match, a tag three times, the standfirst twice.
  const ranked = db.prepare(
    `SELECT d.id, d.slug FROM terms JOIN documents d ON d.id = terms.rowid
     WHERE terms MATCH ? ORDER BY bm25(terms, 6, 3, 2, 1), d.published_at DESC`,
  );
  const matching = db.prepare("SELECT rowid FROM terms WHERE terms MATCH ?").pluck();
  type Term = { term: string; documents: number };
  let vocabulary: Term[] | undefined;
  return {
    ranked: (expression) => ranked.all(expression) as { id: number; slug: string }[],
    matching: (expression) => new Set(matching.all(expression) as number[]),
    vocabulary: () => (vocabulary ??= db.prepare("SELECT term, doc AS documents FROM vocabulary").all() as Term[]),
  };
}

/** Streams documents into a new index file; the file appears under its name only when finished. */
export function createSearchIndexWriter(file: string) {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(partial);
  // Written once, by one process, and renamed into place: a crash leaves only the partial file.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  const add = writer(db);
  db.exec("BEGIN");
  return {
    add,
    finish() {
      db.exec("COMMIT");
      // Merges the index's segments into one: fewer, larger reads for every query.
      db.exec("INSERT INTO terms (terms) VALUES ('optimize')");
      db.close();
      renameSync(partial, file);
    },
  };
}

/** The build's index, read-only; undefined when there is none (a bare `next build`). */
export function openSearchIndex(file: string): SearchIndex | undefined {
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  if (db.pragma("user_version", { simple: true }) !== FORMAT) throw new Error(`${file} was written by another version of the site: build again`);
  return reader(db);
}

/** An index in memory, for the editors' preview (`next dev`), a bare `next build`'s server and tests. */
export function memorySearchIndex(documents: Iterable<SearchDocument>): SearchIndex {
  const db = new Database(":memory:");
  const add = writer(db);
  db.transaction(() => {
    for (const document of documents) add(document);
  })();
  return reader(db);
}
