/**
 * A step of `npm run build` (scripts/build.sh), before the pages are generated: records the build's
 * publication moment, then writes into the build folder the content it carries (published and scheduled
 * posts, authors, categories; lib/content/snapshot.ts), the schedule of its scheduled posts and the search
 * index of them all (lib/search/prebuilt.ts). Pages, search and servers then read the build, not CONTENT_DIR.
 */
import { publicationCutoff } from "../lib/content/cutoff";
import { loadContent } from "../lib/content/load";
import { ContentError } from "../lib/content/problems";
import { writeContentSnapshot } from "../lib/content/snapshot";
import { siteConfig } from "../lib/config";
import { env } from "../lib/env";
import { writePrebuiltIndex } from "../lib/search/prebuilt";

const cutoff = publicationCutoff(env.NEXT_DIST_DIR, true);
const { content, problems } = loadContent(siteConfig.contentDir, { now: cutoff });
if (problems.length > 0) throw new ContentError(problems);
writeContentSnapshot(content, env.NEXT_DIST_DIR, cutoff);
writePrebuiltIndex(
  content.posts.filter((post) => post.status !== "draft"),
  env.NEXT_DIST_DIR,
);
