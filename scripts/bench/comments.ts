import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { migrate, openDatabase } from "../../lib/database/db";
import { importComments } from "../../lib/comments/queries";
import type { CommentRecord } from "../../lib/comments/schema";
import { buildSite, keepingNextTypes, startSite } from "../support/site";
import { random, sentence } from "./synthetic-content";

const POSTS = 2_000;
const COMMENTS = 500;
const GETS = 200;
// Its own build folder and ports, so it never touches the site's .next nor a running server.
const DIST = ".next-bench-comments";
const PORT = 3291;
const TMPFS_MAGIC = 0x01021994;

const at = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

/** Comment posts per second into a fresh SQLite file, in a child process (see comment-posts.ts). */
function benchPosts(slug: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-comment-posts-"));
  try {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL("comment-posts.ts", import.meta.url)), slug, String(POSTS)], {
      encoding: "utf8",
      // One client sends them all, so the rate limit is raised out of the way; the minimum time is
      // met by the form's renderedAt anyway.
      env: { ...process.env, DATABASE_URL: `file:${dir}/bench.db`, COMMENTS_RATE_LIMIT: "100000", COMMENTS_MIN_SECONDS: "0" },
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { firstMs: number; postsPerSecond: number; medianMs: number; p99Ms: number };
    // On tmpfs an fsync costs nothing, so the figure would not be that of durable commits.
    const tmpfs = statfsSync(dir).type === TMPFS_MAGIC ? " (on tmpfs: fsync is free here, not durable)" : "";
    console.log(
      `comment posts, SQLite (WAL, synchronous=FULL: one fsync'd commit each)${tmpfs}: ${POSTS} sequential submitComment calls, ` +
        `${Math.round(result.postsPerSecond)} posts/s, median ${result.medianMs.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms ` +
        `(first post, opening the database and loading content, ${result.firstMs.toFixed(0)} ms)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` approved comments on one article, one in five a reply, deterministic so every run renders the same page. */
async function seedComments(databaseUrl: string, slug: string, count: number) {
  const next = random(11);
  const start = Date.UTC(2030, 0, 1);
  const comments: CommentRecord[] = [];
  const topLevel: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = `bench${String(index).padStart(7, "0")}`; // 12 characters, as the id schema wants
    const isReply = index % 5 === 4;
    const time = new Date(start + index * 60_000).toISOString();
    // One to five sentences, a paragraph break on some and a link on a few: what CommentText renders.
    const sentences = Array.from({ length: 1 + Math.floor(next() * 5) }, () => sentence(next));
    if (index % 7 === 0) sentences.push(`\n\nSource: https://example.com/report/${index}`);
    comments.push({
      id,
      postSlug: slug,
      parentId: isReply ? topLevel[Math.floor(next() * topLevel.length)]! : null,
      authorName: `Reader ${index}`,
      authorEmail: `reader${index}@example.com`,
      body: sentences.join(" "),
      status: "approved",
      createdAt: time,
      updatedAt: time,
    });
    if (!isReply) topLevel.push(id);
  }
  const db = await openDatabase(databaseUrl);
  try {
    await migrate(db);
    // The backup import: one transaction, parents before replies.
    await importComments(db, { version: 1, exportedAt: new Date(start).toISOString(), comments });
  } finally {
    await db.destroy();
  }
}

/** Builds the site against a database with `count` approved comments on `slug`, serves it and times GETs of the article. */
async function benchArticle(slug: string, count: number, port: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-comments-page-"));
  // The bundled market snapshot: no upstream calls (nor their failures) while pages are timed.
  const env = { ...process.env, DATABASE_URL: `file:${dir}/bench.db`, NEXT_DIST_DIR: DIST, MARKET_PROVIDER: "snapshot", NEXT_TELEMETRY_DISABLED: "1" };
  try {
    if (count > 0) await seedComments(env.DATABASE_URL, slug, count);
    await keepingNextTypes(() => buildSite(env));
    // Wait on another route, so that the article's first request below is a cold one.
    const site = await startSite(port, env, "/robots.txt");
    try {
      const url = `${site.url}/news/${slug}`;
      // gzip, as browsers ask: the time includes the server's compression.
      const get = async () => {
        const sent = performance.now();
        const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
        return { ms: performance.now() - sent, body, cache: response.headers.get("x-nextjs-cache") ?? "none" };
      };
      const cold = await get();
      const latencies: number[] = [];
      // Past `revalidate` (30 s after the build) a request is answered STALE and regenerates the
      // page in the background: counted, as it explains a slow tail.
      const caches = new Map<string, number>();
      for (let index = 0; index < GETS; index += 1) {
        const { ms, cache } = await get();
        latencies.push(ms);
        caches.set(cache, (caches.get(cache) ?? 0) + 1);
      }
      latencies.sort((a, b) => a - b);
      const shown = (cold.body.toString().match(/class="comment"/g) ?? []).length;
      console.log(
        `/news/${slug} with ${count} approved comments (${shown} shown): HTML ${(cold.body.length / 1024).toFixed(1)} KB ` +
          `(${(gzipSync(cold.body, { level: 9 }).length / 1024).toFixed(1)} KB gzip); cold request ${cold.ms.toFixed(1)} ms, ` +
          `then ${GETS} sequential GETs median ${at(latencies, 0.5).toFixed(1)} ms, p99 ${at(latencies, 0.99).toFixed(1)} ms ` +
          `(x-nextjs-cache: ${[...caches].map(([cache, times]) => `${times} ${cache}`).join(", ")})`,
      );
    } finally {
      site.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reader comments: posts per second through the real submit path, then the article page built
 * with 500 approved comments against the same page without any (two builds of about 15 s each).
 */
export async function benchComments(slug: string) {
  benchPosts(slug);
  try {
    await benchArticle(slug, COMMENTS, PORT);
    await benchArticle(slug, 0, PORT + 1);
  } finally {
    rmSync(DIST, { recursive: true, force: true });
  }
}
