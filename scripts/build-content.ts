/**
 * A step of `npm run build` (scripts/build.sh), before the pages are generated: records the build's
 * publication moment, then writes into the build folder the content it carries (published and scheduled
 * posts, authors, categories; lib/content/snapshot.ts), the schedule of its scheduled posts
 * (lib/cache/publication-schedule.mjs) and the search index of them all (lib/search). Pages, search and
 * servers then read the build, not CONTENT_DIR. Bodies go to disk as they are read: an archive's Markdown
 * is never held in memory at once. Writes into the folder given as its argument (scripts/build.sh stages
 * the files while Next.js compiles, since compiling empties the build folder), else the build folder.
 */
import path from "node:path";
import { writeSchedule } from "../lib/cache/publication-schedule.mjs";
import { siteConfig } from "../lib/config";
import { publicationCutoff } from "../lib/content/cutoff";
import { loadContent } from "../lib/content/load";
import { ContentError } from "../lib/content/problems";
import { createSnapshotWriter } from "../lib/content/snapshot";
import { env } from "../lib/env";
import { SEARCH_INDEX_FILE, createSearchIndexWriter, searchDocument } from "../lib/search";

const outDir = process.argv[2] ?? env.NEXT_DIST_DIR;
const cutoff = publicationCutoff(outDir, true);
const snapshot = createSnapshotWriter(outDir);
const search = createSearchIndexWriter(path.join(outDir, SEARCH_INDEX_FILE));
const { content, problems } = loadContent(siteConfig.contentDir, {
  now: cutoff,
  onBody(post, body) {
    // Drafts never enter a build.
    if (post.status === "draft") return;
    snapshot.addBody(post.slug, body.markdown);
    search.add(searchDocument(post, body.text));
  },
});
if (problems.length > 0) throw new ContentError(problems);
const posts = content.posts.filter((post) => post.status !== "draft");
snapshot.finish({ posts, authors: content.authors, categories: content.categories });
search.finish();
writeSchedule(outDir, cutoff, posts.map((post) => post.publishedAt));
