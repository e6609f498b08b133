/**
 * A step of `npm run build` (scripts/build.sh), before the pages are generated: records the build's
 * publication moment, then writes into the build folder the content it carries (published and scheduled
 * posts, authors, categories; read by lib/content/snapshot.ts), the schedule of its scheduled posts
 * (lib/cache/publication-schedule.mjs) and the search index of them all (lib/search/prebuilt.ts). Pages,
 * search and servers then read the build, not CONTENT_DIR.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { writeSchedule } from "../lib/cache/publication-schedule.mjs";
import { siteConfig } from "../lib/config";
import { publicationCutoff } from "../lib/content/cutoff";
import { loadContent } from "../lib/content/load";
import { ContentError } from "../lib/content/problems";
import { SNAPSHOT_FILE } from "../lib/content/snapshot";
import { env } from "../lib/env";
import { writePrebuiltIndex } from "../lib/search/prebuilt";

const cutoff = publicationCutoff(env.NEXT_DIST_DIR, true);
const { content, problems } = loadContent(siteConfig.contentDir, { now: cutoff });
if (problems.length > 0) throw new ContentError(problems);
// Drafts never enter a build.
const posts = content.posts.filter((post) => post.status !== "draft");

const file = openSync(path.join(env.NEXT_DIST_DIR, SNAPSHOT_FILE), "w");
try {
  writeSync(file, `${JSON.stringify({ authors: content.authors, categories: content.categories })}\n`);
  for (const post of posts) writeSync(file, `${JSON.stringify(post)}\n`);
} finally {
  closeSync(file);
}
writeSchedule(env.NEXT_DIST_DIR, cutoff, posts.map((post) => post.publishedAt));
writePrebuiltIndex(posts, env.NEXT_DIST_DIR);
