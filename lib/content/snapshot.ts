import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Author, Category, Content, Post } from "./types";

/**
 * The build's content, in its folder: what its servers publish, whatever CONTENT_DIR they start with. One JSON
 * value a line (authors and categories, then each post), since an archive's worth of posts in one JSON text
 * would pass the longest string JavaScript can hold.
 */
export const SNAPSHOT_FILE = "content.ndjson";

/** The build's content, or undefined for a build without one (a bare `next build`). Written by the build: not validated. */
export function readContentSnapshot(distDir: string): Content | undefined {
  let data: Buffer;
  try {
    data = readFileSync(path.join(/*turbopackIgnore: true*/ distDir, SNAPSHOT_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const posts: Post[] = [];
  let site: { authors: Author[]; categories: Category[] } | undefined;
  for (let start = 0; start < data.length; ) {
    const end = data.indexOf(10, start);
    const line = data.toString("utf8", start, end === -1 ? data.length : end);
    start = end === -1 ? data.length : end + 1;
    if (!line) continue;
    if (site) posts.push(JSON.parse(line) as Post);
    else site = JSON.parse(line) as typeof site;
  }
  return site && { ...site, posts };
}
