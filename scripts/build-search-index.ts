/**
 * `npm run build`'s last step: the search index of the site just built, written into its build folder
 * (lib/search/prebuilt.ts), from the same content and publication moment as its pages.
 */
import { getLibrary } from "../lib/content/store";
import { env } from "../lib/env";
import { writePrebuiltIndex } from "../lib/search/prebuilt";

writePrebuiltIndex(getLibrary(), env.NEXT_DIST_DIR);
