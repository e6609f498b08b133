import "server-only";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Author, Category, Content, Post } from "./types";

/**
 * The build's content, in its folder: what its servers publish, whatever CONTENT_DIR they start with. An
 * SQLite file, so that a server holds every post's fields in memory but reads a body only when a page
 * shows it: an archive's bodies (100,000 posts: about 500 MB of Markdown) need not fit in memory.
 */
export const SNAPSHOT_FILE = "content.db";

/** Bumped when the layout changes: a server never reads a file it does not understand. */
const FORMAT = 1;

const SCHEMA = `
  CREATE TABLE site (authors TEXT NOT NULL, categories TEXT NOT NULL);
  CREATE TABLE posts (position INTEGER PRIMARY KEY, fields TEXT NOT NULL);
  CREATE TABLE bodies (slug TEXT PRIMARY KEY, markdown TEXT NOT NULL) WITHOUT ROWID;
  PRAGMA user_version = ${FORMAT};
`;

/**
 * Writes the snapshot as the build reads the content: each body as it comes, then the posts (newest first)
 * with the site's authors and categories. The file appears whole, under its name, only when finished.
 */
export function createSnapshotWriter(distDir: string) {
  const file = path.join(distDir, SNAPSHOT_FILE);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(partial);
  // Written once, by one process, and renamed into place: a crash leaves only the partial file.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec(SCHEMA);
  db.exec("BEGIN");
  const addBody = db.prepare("INSERT INTO bodies (slug, markdown) VALUES (?, ?)");
  return {
    addBody(slug: string, markdown: string) {
      addBody.run(slug, markdown);
    },
    finish({ posts, authors, categories }: Omit<Content, "markdownOf">) {
      db.prepare("INSERT INTO site (authors, categories) VALUES (?, ?)").run(JSON.stringify(authors), JSON.stringify(categories));
      const addPost = db.prepare("INSERT INTO posts (position, fields) VALUES (?, ?)");
      posts.forEach((post, position) => addPost.run(position, JSON.stringify(post)));
      db.exec("COMMIT");
      db.close();
      renameSync(partial, file);
    },
  };
}

/** The build's content, or undefined for a build without one (a bare `next build`). Written by the build: not validated. */
export function readContentSnapshot(distDir: string): Content | undefined {
  const file = path.join(/*turbopackIgnore: true*/ distDir, SNAPSHOT_FILE);
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // Another version's build folder is not read as this one's.
  if (db.pragma("user_version", { simple: true }) !== FORMAT) throw new Error(`${file} was written by another version of the site: build again`);
  const site = db.prepare("SELECT authors, categories FROM site").get() as { authors: string; categories: string };
  const fields = db.prepare("SELECT fields FROM posts ORDER BY position").pluck().all() as string[];
  const markdown = db.prepare("SELECT markdown FROM bodies WHERE slug = ?").pluck();
  return {
    posts: fields.map((text) => JSON.parse(text) as Post),
    authors: JSON.parse(site.authors) as Author[],
    categories: JSON.parse(site.categories) as Category[],
    markdownOf: (slug) => markdown.get(slug) as string | undefined,
  };
}
