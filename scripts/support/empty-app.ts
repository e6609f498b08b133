import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, startSite } from "./site";

/**
 * An empty App Router app (scripts/bench/empty-next-app: a layout and a page saying "Hello", the same page at a
 * dynamic route, and a bare story at one, whose cover is the sample article's) with the site's versions of
 * Next.js and React: the floor the site's builds and pages are measured against, in the same run. It is
 * installed, built and served in a folder of its own outside the repository: inside it, Next.js would take the
 * site's next.config (it looks for one up the folder tree) and Turbopack the site's proxy.ts and
 * instrumentation.ts, and the app would no longer be empty.
 */
const SOURCE = "scripts/bench/empty-next-app";
const PACKAGES = ["next", "react", "react-dom"];
/** The bare story's cover: the sample article's, as it is in the repository. */
const COVER = "public/images/etf-flows-chart.jpg";
const env = () => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });

let folder: string | undefined;

/** The empty app's folder, installed on first use (from npm's cache when the site's own install filled it). */
export function emptyAppDir(): string {
  if (folder) return folder;
  const dir = mkdtempSync(path.join(tmpdir(), "hashline-empty-app-"));
  try {
    cpSync(path.join(SOURCE, "app"), path.join(dir, "app"), { recursive: true });
    cpSync(COVER, path.join(dir, "public/cover.jpg"));
    const version = (name: string) => JSON.parse(readFileSync(path.join("node_modules", name, "package.json"), "utf8")).version as string;
    const dependencies = Object.fromEntries(PACKAGES.map((name) => [name, version(name)]));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, dependencies }, null, 2));
    const install = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
    if (install.status !== 0) {
      throw new Error(`installing the empty app's ${PACKAGES.join(", ")} failed (${install.error?.message ?? `exit ${install.status}`})`);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  folder = dir;
  return dir;
}

/** Builds the empty app (kept until removeEmptyApp). */
export function buildEmptyApp() {
  const dir = emptyAppDir();
  if (!existsSync(path.join(dir, ".next/BUILD_ID"))) buildSite(env(), dir);
}

/** `next start` of the empty app's build on loopback. */
export const startEmptyApp = (port: number) => startSite(port, env(), "/", emptyAppDir());

/** Removes the empty app's folder, its install and its build. */
export function removeEmptyApp() {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}
