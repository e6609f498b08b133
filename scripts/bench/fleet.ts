import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hashPassword } from "../../lib/admin/password";
import { openDatabase } from "../../lib/database/db";
import { commentsByStatus } from "../../lib/comments/queries";
import { startFakeUpstream } from "../../tests/support/fake-upstream";
import { approveWithoutJavaScript, sessionCookieOf, signInWithoutJavaScript } from "../../tests/support/forms";
import { freePort } from "../../tests/support/free-port";
import { startNginx } from "../../tests/support/nginx";
import { startRedis } from "../../tests/support/redis";
import { buildSite, startSite } from "../support/site";
import { requestsPerSecond } from "../support/load";

const MARKET_TTL_SECONDS = 2;
const MARKET_SECONDS = 10;
const PASSWORD = "bench moderator password";

type Upstream = Awaited<ReturnType<typeof startFakeUpstream>>;

/** Upstream calls per endpoint per TTL while `origins` answer /api/market to 16 clients for 10 s. */
async function upstreamCallsPerTtl(upstream: Upstream, origins: string[]) {
  await fetch(`${upstream.url}/__control`, { method: "POST", body: JSON.stringify({ mode: "ok", resetStats: true }) });
  const deadline = performance.now() + MARKET_SECONDS * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, worker) => {
      while (performance.now() < deadline) {
        const response = await fetch(`${origins[(worker + sent++) % origins.length]}/api/market`);
        await response.arrayBuffer();
      }
    }),
  );
  const calls = (await (await fetch(`${upstream.url}/__stats`)).json()) as Record<string, number>;
  const ttls = MARKET_SECONDS / MARKET_TTL_SECONDS;
  return `${Object.entries(calls).map(([endpoint, count]) => `${endpoint} ${(count / ttls).toFixed(1)}`).join(", ")} (${sent} requests)`;
}

/** Milliseconds from approving a comment through `approver` until `reader` serves the article with it. */
async function approveToVisibleMs(approver: string, reader: string, slug: string, databaseUrl: string) {
  const body = `Approved on one server, read on the other ${Date.now()}`;
  const posted = await fetch(`${reader}/api/comments`, {
    method: "POST",
    headers: { Origin: reader, "Content-Type": "application/json" },
    body: JSON.stringify({ postSlug: slug, name: "Bench Reader", email: "bench@example.com", body, renderedAt: "0" }),
  });
  if (posted.status !== 201) throw new Error(`posting a comment answered ${posted.status}`);
  const db = await openDatabase(databaseUrl);
  const id = (await commentsByStatus(db, "pending")).find((comment) => comment.body === body)?.id;
  await db.destroy();
  if (!id) throw new Error("the posted comment is not pending");
  const cookie = sessionCookieOf(await signInWithoutJavaScript(reader, PASSWORD));
  await fetch(`${reader}/news/${slug}`); // the reader's server holds the article without the comment
  const started = performance.now();
  await approveWithoutJavaScript(approver, cookie, id);
  while (!(await (await fetch(`${reader}/news/${slug}`)).text()).includes(body)) {
    if (performance.now() - started > 60_000) throw new Error("the approved comment never showed on the other server");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - started;
}

/**
 * Several servers as one site (README, "Several servers"), on the site's build: an article's requests per
 * second from one server alone, one server with Redis directly, and through nginx (deploy/nginx.conf) in front
 * of one and of two (target: through nginx at least 3 times one server directly); upstream calls per
 * endpoint per TTL with one server, two without Redis and two with it; and how soon a comment approved on one
 * server shows on the other. On one machine, so the servers share an SQLite file for their comments.
 */
export async function benchFleet(slug: string) {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("(building the site first)");
    buildSite(process.env);
  }
  const redis = await startRedis(["--maxmemory", "256mb", "--maxmemory-policy", "volatile-lru"]);
  if (!redis.url) throw new Error(`the fleet bench needs redis-server: ${redis.reason}`);
  const upstream = await startFakeUpstream();
  const dir = mkdtempSync(path.join(tmpdir(), "bench-fleet-"));
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${dir}/comments.db`,
    MODERATOR_PASSWORD_HASH: await hashPassword(PASSWORD),
    COINGECKO_API_URL: `${upstream.url}/api/v3`,
    FEAR_GREED_API_URL: `${upstream.url}/fng/`,
    MARKET_TTL_SECONDS: String(MARKET_TTL_SECONDS),
    COMMENTS_RATE_LIMIT: "1000",
  };
  const article = `/news/${slug}`;
  const stops: (() => unknown)[] = [];
  const start = async (extra: Record<string, string> = {}) => {
    const site = await startSite(await freePort(), { ...env, ...extra }, article);
    stops.push(site.stop);
    return site.url;
  };
  const rps = async (origin: string) => {
    await requestsPerSecond(`${origin}${article}`, 2);
    return Math.round(await requestsPerSecond(`${origin}${article}`, 8));
  };
  try {
    const alone = await start();
    const aloneRps = await rps(alone);
    const aloneCalls = await upstreamCallsPerTtl(upstream, [alone]);
    const unshared = await start();
    const unsharedCalls = await upstreamCallsPerTtl(upstream, [alone, unshared]);
    stops.splice(0).forEach((stop) => stop());

    const [a, b] = [await start({ REDIS_URL: redis.url }), await start({ REDIS_URL: redis.url })];
    const sharedRps = await rps(a!);
    const oneBehind = await startNginx([a!]);
    const twoBehind = await startNginx([a!, b!]);
    stops.push(oneBehind.stop, twoBehind.stop);
    if (!oneBehind.url || !twoBehind.url) throw new Error(`the fleet bench needs nginx: ${oneBehind.reason ?? twoBehind.reason}`);
    const nginxOneRps = await rps(oneBehind.url);
    const nginxTwoRps = await rps(twoBehind.url);
    const sharedCalls = await upstreamCallsPerTtl(upstream, [a!, b!]);
    const visibleMs: number[] = [];
    for (let round = 0; round < 5; round += 1) visibleMs.push(await approveToVisibleMs(round % 2 ? b! : a!, round % 2 ? a! : b!, slug, env.DATABASE_URL));

    console.log(`several servers, article ${article}, 16 connections, requests/s:`);
    console.log(`  one server alone, directly: ${aloneRps}`);
    console.log(`  one server on Redis, directly: ${sharedRps}`);
    console.log(`  nginx in front of one server: ${nginxOneRps} (${(nginxOneRps / aloneRps).toFixed(1)} x one server directly; target 3)`);
    console.log(`  nginx in front of two servers: ${nginxTwoRps} (${(nginxTwoRps / aloneRps).toFixed(1)} x one server directly; target 3)`);
    console.log(`upstream calls per endpoint per ${MARKET_TTL_SECONDS} s TTL, /api/market asked by 16 clients for ${MARKET_SECONDS} s:`);
    console.log(`  one server: ${aloneCalls}`);
    console.log(`  two servers without Redis: ${unsharedCalls}`);
    console.log(`  two servers on Redis: ${sharedCalls}`);
    const sorted = [...visibleMs].sort((x, y) => x - y);
    console.log(
      `a comment approved on one server, shown by the other: median ${sorted[2]!.toFixed(0)} ms, ` +
        `slowest ${sorted.at(-1)!.toFixed(0)} ms (5 approvals, alternating servers)`,
    );
  } finally {
    for (const stop of stops) await stop();
    await redis.stop();
    upstream.server.closeAllConnections();
    upstream.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
