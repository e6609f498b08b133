import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { request as httpRequest, Agent } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../tests/support/free-port";
import { emptyAppDir, removeEmptyApp } from "../support/empty-app";
import { requestsPerSecond } from "../support/load";
import { keepingNextTypes, nextOf, startSite } from "../support/site";
import { writeSyntheticContent } from "./synthetic-content";

/** Sum of the resident memory of a process and all its descendants, from /proc. */
export function treeRssMb(rootPid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), (Number(fields[21]) * 4096) / 1024 / 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (pid > 1 && parents.has(pid) && inTree(parents.get(pid)!));
  return [...rss].filter(([pid]) => inTree(pid)).reduce((sum, [, mb]) => sum + mb, 0);
}

const binPath = `${path.resolve("node_modules/.bin")}${path.delimiter}${process.env.PATH}`;

/** A shell command with node_modules/.bin on the PATH (no npm process counted), timed, with the peak memory of all its processes. */
async function runMeasured(command: string, env: Record<string, string>) {
  const started = performance.now();
  const child = spawn("sh", ["-c", command], { env: { ...process.env, PATH: binPath, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let peakMb = 0;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, treeRssMb(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command} failed:\n${output.slice(-4_000)}`);
  return { seconds: (performance.now() - started) / 1000, peakMb, output };
}

/** The files and bytes under a folder. */
function folderSize(dir: string) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, mb: bytes / 1024 / 1024 };
}

/**
 * A build measured twice, keeping the faster: a first build after a while reads its compiler from a cold disk
 * cache, which the empty app, installed just before, never does.
 */
async function fasterOfTwo<T extends { seconds: number }>(build: (attempt: number) => Promise<T>) {
  const first = await build(0);
  const second = await build(1);
  return second.seconds < first.seconds ? second : first;
}

/** The empty app's build (scripts/support/empty-app.ts), measured: the floor a build can reach. */
async function measureEmptyAppBuild() {
  const dir = emptyAppDir();
  return fasterOfTwo(() => {
    // From nothing each time, as the site's are: a second build would reuse the first's Turbopack cache.
    rmSync(path.join(dir, ".next"), { recursive: true, force: true });
    return runMeasured(`node "${nextOf(dir)}" build "${dir}"`, {});
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

function get(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
    })
      .on("error", reject)
      .end();
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A production server on the build: how soon it answers, what it holds, and how it serves the archive. */
async function serveBuild(distDir: string, contentDir: string) {
  const started = performance.now();
  const server = await startSite(await freePort(), {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    MARKET_PROVIDER: "snapshot",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${distDir}/bench-comments.db`,
  });
  const origin = server.url;
  try {
    const readySeconds = (performance.now() - started) / 1000;
    const prerendered = new Set(Object.keys(JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")).routes));
    const posts = readdirSync(path.join(contentDir, "posts")).map((file) => `/news/${file.replace(/\.md$/, "")}`);
    // Old stories, spread over the archive; drafts and scheduled ones answer 404 and are skipped.
    const archive = posts.filter((route) => !prerendered.has(route)).filter((_, index, all) => index % Math.max(1, Math.floor(all.length / 40)) === 0);
    const firstMs: number[] = [];
    for (const route of archive) {
      const { status, ms } = await get(`${origin}${route}`);
      if (status === 200) firstMs.push(ms);
      if (firstMs.length === 20) break;
    }
    const newest = [...prerendered].find((route) => route.startsWith("/news/"))!;
    const old = archive[0]!;
    // Warmed, then taken in turns, so that neither page is measured alone while the server settles (its
    // first requests load the archive; collecting that garbage takes a while).
    await requestsPerSecond(`${origin}${old}`, 2);
    await requestsPerSecond(`${origin}${newest}`, 2);
    let oldRps = 0;
    let prerenderedRps = 0;
    for (let round = 0; round < 2; round += 1) {
      oldRps += (await requestsPerSecond(`${origin}${old}`, 4)) / 2;
      prerenderedRps += (await requestsPerSecond(`${origin}${newest}`, 4)) / 2;
    }
    await get(`${origin}/search?q=bitcoin+market`);
    return { readySeconds, firstMedianMs: median(firstMs), oldRps, prerenderedRps, rssMb: treeRssMb(server.pid) };
  } finally {
    server.stop();
  }
}

/**
 * Publishing at any archive size: the build of an empty Next.js app, then of `counts` synthetic posts, each
 * served once built. Targets: 10,000 posts within 1.5 times 1,000; 1,000 within 3 times the empty app; at
 * 100,000, a peak of 2 GB for the build, a server ready in 30 s holding at most 1.5 GB, an old story's first
 * request in 300 ms (median) and its later ones at least 0.8 times a prerendered story's requests per second.
 */
export async function benchPublishing(counts: number[]) {
  // Removed only once every build is measured: this disk creates files slowly for a while after thousands
  // were deleted, which would slow whichever build came next and not the others.
  const leftovers: string[] = [];
  const timesTheEmptyApp = new Map<number, number>();
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { build: string } };
  try {
    const empty = await measureEmptyAppBuild();
    console.log(`build, empty Next.js app: ${empty.seconds.toFixed(1)} s, peak ${empty.peakMb.toFixed(0)} MB`);
    for (const count of counts) {
      const contentDir = mkdtempSync(path.join(tmpdir(), `bench-publishing-${count}-`));
      leftovers.push(contentDir);
      writeSyntheticContent(contentDir, count);
      const measureBuild = async (attempt: number) => {
        const distDir = `.next-bench-${count}${attempt ? "-again" : ""}`;
        leftovers.push(distDir);
        // The offline snapshot: a build's prerendered market figures would otherwise time the upstream APIs
        // (or, offline, their failures) rather than the build.
        const siteEnv = { CONTENT_DIR: contentDir, NEXT_DIST_DIR: distDir, MARKET_PROVIDER: "snapshot" };
        return { ...(await keepingNextTypes(() => runMeasured(scripts.build, siteEnv))), distDir };
      };
      // 100,000 posts is measured once: it takes minutes, and is measured for its memory.
      const build = count <= 10_000 ? await fasterOfTwo(measureBuild) : await measureBuild(0);
      const ratio = build.seconds / empty.seconds;
      timesTheEmptyApp.set(count, ratio);
      const pages = build.output.match(/\((\d+)\/(\d+)\)/g)?.at(-1)?.slice(1, -1).split("/")[1] ?? "?";
      const folder = folderSize(build.distDir);
      console.log(
        `build ${String(count).padStart(7)} posts: ${build.seconds.toFixed(1)} s (${ratio.toFixed(2)} × the empty app), ` +
          `peak ${build.peakMb.toFixed(0)} MB (all processes), ${pages} pages generated, build folder ${folder.mb.toFixed(0)} MB in ${folder.files} files`,
      );
      const served = await serveBuild(build.distDir, contentDir);
      console.log(
        `serve ${String(count).padStart(7)} posts: ready in ${served.readySeconds.toFixed(1)} s, holds ${served.rssMb.toFixed(0)} MB after a search; ` +
          `an old story's first request ${served.firstMedianMs.toFixed(0)} ms (median), then ${served.oldRps.toFixed(0)} requests/s ` +
          `against ${served.prerenderedRps.toFixed(0)} for a prerendered story (${(served.oldRps / served.prerenderedRps).toFixed(2)} ×)`,
      );
    }
  } finally {
    for (const leftover of leftovers) rmSync(leftover, { recursive: true, force: true });
    removeEmptyApp();
  }
  const [small, large] = [timesTheEmptyApp.get(1_000), timesTheEmptyApp.get(10_000)];
  if (small && large) console.log(`build 10,000 / 1,000 posts: ${(large / small).toFixed(2)} × (target 1.5); 1,000 / empty app: ${small.toFixed(2)} × (target 3)`);
}
