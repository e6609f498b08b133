import "server-only";
import path from "node:path";
import { createBuildFile, openBuildFile } from "../build-file";
import type { Author, Category, Content, Post } from "./types";

/**
 * The build's content, in its folder: what its servers publish, whatever CONTENT_DIR they start with. An
 * SQLite file, so that a server holds every post's fields in memory but reads a body only when a page
 * shows it: an archive's bodies (100,000 posts: about 500 MB of Markdown) need not fit in memory.
 */
export const SNAPSHOT_FILE = "content.db";

// 2: posts carry the coins they name.
const FORMAT = 2;
const SCHEMA = `
  CREATE TABLE site (authors TEXT NOT NULL, categories TEXT NOT NULL);
  CREATE TABLE posts (position INTEGER PRIMARY KEY, fields TEXT NOT NULL);
  CREATE TABLE bodies (slug TEXT PRIMARY KEY, markdown TEXT NOT NULL) WITHOUT ROWID;
`;

/** Written as the build reads the content: each body as it comes, then the posts (newest first), authors and categories. */
export function createSnapshotWriter(distDir: string) {
  const { db, finish } = createBuildFile(path.join(distDir, SNAPSHOT_FILE), FORMAT, SCHEMA);
  const addBody = db.prepare("INSERT INTO bodies (slug, markdown) VALUES (?, ?)");
  return {
    addBody(slug: string, markdown: string) {
      addBody.run(slug, markdown);
    },
    finish({ posts, authors, categories }: Omit<Content, "markdownOf">) {
      db.prepare("INSERT INTO site (authors, categories) VALUES (?, ?)").run(JSON.stringify(authors), JSON.stringify(categories));
      const addPost = db.prepare("INSERT INTO posts (position, fields) VALUES (?, ?)");
      posts.forEach((post, position) => addPost.run(position, JSON.stringify(post)));
      finish();
    },
  };
}

/** The build's content, or undefined for a build without one (a bare `next build`). Its fields were validated when the build read them. */
export function readContentSnapshot(distDir: string): Content | undefined {
  return openBuildFile(path.join(/*turbopackIgnore: true*/ distDir, SNAPSHOT_FILE), FORMAT, (db) => {
    const site = db.prepare("SELECT authors, categories FROM site").get() as { authors: string; categories: string } | undefined;
    if (!site) throw new Error(`${path.join(distDir, SNAPSHOT_FILE)} is incomplete: build again`);
    const fields = db.prepare("SELECT fields FROM posts ORDER BY position").pluck().all() as string[];
    const markdown = db.prepare("SELECT markdown FROM bodies WHERE slug = ?").pluck();
    return {
      posts: fields.map((text) => JSON.parse(text) as Post),
      authors: JSON.parse(site.authors) as Author[],
      categories: JSON.parse(site.categories) as Category[],
      markdownOf: (slug) => markdown.get(slug) as string | undefined,
    };
  });
}
