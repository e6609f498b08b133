import "server-only";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type MiniSearch from "minisearch";
import type { Post } from "../content/types";
import { loadIndex } from "./build-index";
import { INDEX_OPTIONS, indexPosts } from "./index";

const INDEX_FILE = "search-index.json";

/**
 * The build's last step writes the search index beside the build, so that a server's first search loads
 * it instead of rendering every post to make it (1,000 posts: about 1.5 s; 10,000: about 13 s).
 */
export function writePrebuiltIndex(posts: Post[], distDir: string) {
  writeFileSync(path.join(distDir, INDEX_FILE), JSON.stringify(indexPosts(posts)));
}

/** The build's index, when there is one and it holds exactly these posts; otherwise undefined. */
export function readPrebuiltIndex(posts: Post[], distDir: string): MiniSearch | undefined {
  let index: MiniSearch;
  try {
    index = loadIndex(readFileSync(path.join(/*turbopackIgnore: true*/ distDir, INDEX_FILE), "utf8"), INDEX_OPTIONS);
  } catch {
    // Not built by `npm run build` (a bare `next build`), or unreadable: the server indexes for itself.
    return undefined;
  }
  const samePosts = index.documentCount === posts.length && posts.every((post) => index.has(post.slug));
  return samePosts ? index : undefined;
}
