/**
 * `npm run bench`: load time and peak memory for N synthetic posts (about 800 words each),
 * N = 1,000 and 10,000, each in a fresh process. `npm run bench -- --build` adds builds (bench/publishing.ts): an
 * empty Next.js app, then 1,000 and 10,000 posts (`--build 100000` adds 100,000), each with its time, the peak
 * memory of all its processes and its build folder, then served: ready time, memory, an old story's first
 * request and requests per second against a prerendered story's. Also the search index (time to write it,
 * its file, memory once opened, query latency), `/api/market` under load (bench/market-api.ts), the article page's weight
 * (bench/page-weight.ts), and reader comments (bench/comments.ts: posts per second into SQLite, and an
 * article with 500 comments built into .next-bench-comments and served), and several servers on Redis behind
 * nginx (bench/fleet.ts); requests per second for an article, the home page and an empty Next.js page side by
 * side (bench/reader-speed.ts); the newsletter (bench/newsletter.ts: sign-ups per second through the footer form of a
 * built server, and one digest to 10,000 subscribers through a local SMTP server, with its time and peak memory).
 * The market pages (bench/coins.ts): /coins and /coins/bitcoin beside an article (HTML, JavaScript, requests per
 * second), and the upstream calls per minute while readers ask for 100 coins in every range.
 * `npm run bench -- --only <part>` runs one part: load, build, market, coins, page-weight, reader-speed, comments, fleet or newsletter.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { loadContent } from "../lib/content/load";
import { createLibrary } from "../lib/content/queries";
import { markdownText } from "../lib/content/text";
import { SEARCH_INDEX_FILE, createSearch, createSearchIndexWriter, openSearchIndex, searchDocument } from "../lib/search";
import { benchCoins } from "./bench/coins";
import { benchComments } from "./bench/comments";
import { benchFleet } from "./bench/fleet";
import { benchMarketApi } from "./bench/market-api";
import { benchNewsletter } from "./bench/newsletter";
import { benchPageWeight } from "./bench/page-weight";
import { benchPublishing } from "./bench/publishing";
import { benchReaderSpeed } from "./bench/reader-speed";
import { writeSyntheticContent } from "./bench/synthetic-content";

const [mode, arg] = process.argv.slice(2);
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const PARTS = ["load", "build", "market", "coins", "page-weight", "reader-speed", "comments", "fleet", "newsletter"];
if (only !== undefined && !PARTS.includes(only)) throw new Error(`--only takes one of: ${PARTS.join(", ")}`);
const runs = (part: string) => only === undefined || only === part;
/** `--build` builds 1,000 and 10,000 posts; `--build 100000` adds that many. */
function buildCounts() {
  const extra = Number(process.argv[process.argv.indexOf("--build") + 1]);
  return [1_000, 10_000, ...(Number.isInteger(extra) && extra > 0 ? [extra] : [])];
}

const QUERIES = [
  "bitcoin", "ethereum etf", "etherum", "binanse", "exchange ransomware gang", "turkiye", "stablecoin regulation",
  "mining difficulty record", "liquidity", "sol", "validators network fees", "court ruling", "the", "xyzzy",
  "bitcoin price market",
];

if (mode === "--child") {
  // Runs in its own process so that peak memory is this load's alone.
  const started = performance.now();
  const { content, problems } = loadContent(arg!);
  const loadMs = performance.now() - started;
  if (problems.length) throw new Error(`synthetic content has problems: ${problems[0]?.message}`);
  const words = content.posts.reduce((sum, post) => sum + post.wordCount, 0) / content.posts.length;
  const peakMb = process.resourceUsage().maxRSS / 1024;

  // The build's search index, written to a file, then opened as a server opens it.
  const indexFile = path.join(mkdtempSync(path.join(tmpdir(), "bench-index-")), SEARCH_INDEX_FILE);
  const indexStarted = performance.now();
  const writer = createSearchIndexWriter(indexFile);
  for (const post of content.posts) writer.add(searchDocument(post, markdownText(content.markdownOf(post.slug)!)));
  writer.finish();
  const indexMs = performance.now() - indexStarted;
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const openStarted = performance.now();
  const library = createLibrary(content);
  const search = createSearch(library, 10, openSearchIndex(indexFile)!);
  search("bitcoin");
  const indexOpenMs = performance.now() - openStarted;
  collect();
  const indexMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  const latencies: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    for (const query of QUERIES) {
      const sent = performance.now();
      search(query, 1 + (round % 3));
      latencies.push(performance.now() - sent);
    }
  }
  latencies.sort((a, b) => a - b);
  const indexFileMb = statSync(indexFile).size / 1024 / 1024;
  rmSync(path.dirname(indexFile), { recursive: true, force: true });
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]!;
  console.log(
    JSON.stringify({
      ...{ posts: content.posts.length, words, loadMs, peakMb },
      ...{ indexMs, indexMb, indexOpenMs, indexFileMb, medianMs: at(0.5), p99Ms: at(0.99) },
    }),
  );
} else {
  main();
}

function withContent<T>(count: number, run: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-${count}-`));
  try {
    writeSyntheticContent(dir, count);
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchLoad(count: number) {
  return withContent(count, (dir) => {
    const child = spawnSync(process.execPath, ["--expose-gc", ...process.execArgv, process.argv[1]!, "--child", dir], {
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
      posts: number;
      words: number;
      loadMs: number;
      peakMb: number;
      indexMs: number;
      indexMb: number;
      indexOpenMs: number;
      indexFileMb: number;
      medianMs: number;
      p99Ms: number;
    };
    console.log(
      `load ${String(count).padStart(6)} posts: ${(result.loadMs / 1000).toFixed(2)} s ` +
        `(${(result.loadMs / result.posts).toFixed(2)} ms/post, ${result.words.toFixed(0)} words/post), peak memory ${result.peakMb.toFixed(0)} MB`,
    );
    console.log(
      `search index ${String(count).padStart(6)} posts: written in ${(result.indexMs / 1000).toFixed(2)} s, ` +
        `${result.indexFileMb.toFixed(0)} MB on disk; opened and first search in ${(result.indexOpenMs / 1000).toFixed(2)} s, ` +
        `${result.indexMb.toFixed(0)} MB of heap; query latency median ${result.medianMs.toFixed(2)} ms, ` +
        `p99 ${result.p99Ms.toFixed(2)} ms over ${QUERIES.length * 20} queries`,
    );
  });
}

async function main() {
  console.log(`Node ${process.version}, ${availableParallelism()} cores`);
  // The build goes first: it creates some 16,000 files, and on this machine's disk (ext4) files are slow to
  // create for a few minutes after thousands were deleted, as the load part's temporary posts are.
  if (only === "build" || (!only && process.argv.includes("--build"))) await benchPublishing(buildCounts());
  if (runs("load")) for (const count of [1_000, 10_000]) benchLoad(count);
  if (runs("market")) await benchMarketApi();
  if (runs("coins")) await benchCoins("spot-bitcoin-etfs-log-biggest-week-since-summer");
  if (runs("page-weight")) benchPageWeight("spot-bitcoin-etfs-log-biggest-week-since-summer");
  if (runs("reader-speed")) await benchReaderSpeed("spot-bitcoin-etfs-log-biggest-week-since-summer");
  // The newest published article of the site's own content, which the build will prerender.
  const newest = () => createLibrary(loadContent(process.env.CONTENT_DIR || "content").content).posts[0]!.slug;
  if (runs("comments")) await benchComments(newest());
  if (runs("fleet")) await benchFleet(newest());
  if (runs("newsletter")) await benchNewsletter();
}
