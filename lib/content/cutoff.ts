import "server-only";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const CUTOFF_FILE = "content-cutoff";

/**
 * The build's publication moment: its pages show the posts dated up to it, and its servers publish the later
 * ones at their own moments. The build's content step records it with the content (scripts/build-content.ts,
 * moved into the build folder, which every build empties first); a bare `next build`, which carries no
 * content of its own, records it on its first load, and its servers keep to it.
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
