import "server-only";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const CUTOFF_FILE = "content-cutoff";

/**
 * The moment that divides published posts from scheduled ones. A production server must agree with the
 * build that prerendered its pages: a post whose date passes after the build has no page until the next
 * build, so until then it stays out of search, related links and sitemaps too. The build's first content
 * load records its moment in the build folder (cleaned at the start of every build); servers read it.
 */
export function publicationCutoff(distDir: string, building: boolean, now = Date.now()): number {
  const file = path.join(/*turbopackIgnore: true*/ distDir, CUTOFF_FILE);
  if (building) {
    try {
      writeFileSync(file, String(now), { flag: "wx" });
    } catch {
      // Recorded already, by another worker of this build.
    }
  }
  try {
    const recorded = Number(readFileSync(file, "utf8"));
    return Number.isFinite(recorded) && recorded > 0 ? recorded : now;
  } catch {
    // Not built (tests, scripts): the present moment.
    return now;
  }
}
