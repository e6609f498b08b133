/**
 * A step of `npm run build` (scripts/build.sh): the search index, written into the build folder
 * (lib/search/prebuilt.ts). It runs before the pages are generated, so it records the build's publication
 * moment first: the pages then publish exactly the posts the index holds.
 */
import { publicationCutoff } from "../lib/content/cutoff";
import { getLibrary } from "../lib/content/store";
import { env } from "../lib/env";
import { writePrebuiltIndex } from "../lib/search/prebuilt";

publicationCutoff(env.NEXT_DIST_DIR, true);
writePrebuiltIndex(getLibrary(), env.NEXT_DIST_DIR);
