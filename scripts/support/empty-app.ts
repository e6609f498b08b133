import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { buildSite, startSite } from "./site";

/**
 * An empty App Router app (scripts/bench/empty-next-app: a layout and a page saying "Hello", and the same page at a dynamic route), built and served
 * with the site's own Next.js: the floor the site's builds and pages are measured against, in the same run.
 */
export const EMPTY_APP = "scripts/bench/empty-next-app";

/** Builds the empty app into its own .next (kept until removeEmptyApp). */
export function buildEmptyApp() {
  if (!existsSync(path.join(EMPTY_APP, ".next/BUILD_ID"))) buildSite({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, EMPTY_APP);
}

/** `next start` of the empty app's build on loopback. */
export const startEmptyApp = (port: number) => startSite(port, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, "/", EMPTY_APP);

export const removeEmptyApp = () => rmSync(path.join(EMPTY_APP, ".next"), { recursive: true, force: true });
