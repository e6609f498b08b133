import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startFakeUpstream } from "../support/fake-upstream";
import { type TestNginx, startNginx } from "../support/nginx";
import { type TestPostgres, startPostgres } from "../support/postgres";
import { type TestRedis, startRedis } from "../support/redis";
import { requireServer } from "../support/require-server";
import { approveWithoutJavaScript, commentFormHtml, formData, serverFormFields, sessionCookieOf, signInWithoutJavaScript } from "../support/forms";
import { commentsCli, moderatorPassword, moderatorPasswordHash } from "./support/comments";
import { type OwnServer, startOwnServer } from "./support/own-server";
import { published } from "./sample-content";

/**
 * Several servers as one site (README, "Several servers"): Redis, PostgreSQL, two production instances of
 * one build, each from its own copy of the build folder as on two machines, and nginx in front of them with
 * the README's configuration.
 */
test.describe.configure({ mode: "serial" });

const MARKET_TTL_MS = 2_000;
const COMMENT_LIMIT = 5;
const run = Date.now().toString(36);
// The newest stories are prerendered by the build (PRERENDER_ARTICLES in playwright.config.ts); these are not.
const onDemand = published.slice(6).map((post) => `/news/${post.slug}`);
const takeOnDemand = () => {
  const next = onDemand.shift();
  if (!next) throw new Error("the sample content has no story left that no test has rendered");
  return next;
};

/** The main build, as deployed to one more machine: without what its own server wrote since. */
function copyBuild(to: string) {
  rmSync(to, { recursive: true, force: true });
  const skipped = /^\.next\/(?:dev|cache|server\/route-cache)(?:\/|$)/;
  // Kept as they are, the build's links into node_modules resolve from a folder beside .next.
  cpSync(".next", to, { recursive: true, verbatimSymlinks: true, filter: (source) => !skipped.test(path.relative(".", source)) });
}

let redis: TestRedis;
let postgres: TestPostgres;
let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let nginx: TestNginx;
let databaseUrl: string;
let a: OwnServer;
let b: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Eviction spares keys without a TTL (the page tags, the market values): the README's setting.
  redis = await startRedis(["--maxmemory", "64mb", "--maxmemory-policy", "volatile-lru"]);
  postgres = await startPostgres("hashline_fleet");
  test.skip(!requireServer("Redis", redis) || !requireServer("PostgreSQL", postgres), "needs Redis and PostgreSQL");
  databaseUrl = postgres.url!;
  upstream = await startFakeUpstream();
  const env = {
    REDIS_URL: redis.url!,
    DATABASE_URL: databaseUrl,
    MODERATOR_PASSWORD_HASH: moderatorPasswordHash,
    MARKET_PROVIDER: "live",
    COINGECKO_API_URL: `${upstream.url}/api/v3`,
    FEAR_GREED_API_URL: `${upstream.url}/fng/`,
    MARKET_TTL_SECONDS: String(MARKET_TTL_MS / 1000),
    COMMENTS_RATE_LIMIT: String(COMMENT_LIMIT),
  };
  const instances = await Promise.all(
    ["a", "b"].map((name) => {
      copyBuild(`.next-fleet-${name}`);
      return startOwnServer({ ...env, NEXT_DIST_DIR: `.next-fleet-${name}` });
    }),
  );
  [a, b] = [instances[0]!, instances[1]!];
  nginx = await startNginx([a.origin, b.origin]);
  test.skip(!requireServer("nginx", nginx), "needs nginx");
});

test.afterAll(async () => {
  a?.kill();
  b?.kill();
  await nginx?.stop();
  upstream?.server.closeAllConnections();
  upstream?.server.close();
  await redis?.stop();
  postgres?.stop();
  for (const name of ["a", "b"]) rmSync(`.next-fleet-${name}`, { recursive: true, force: true });
});

const get = (origin: string, address: string, headers: Record<string, string> = {}) => fetch(`${origin}${address}`, { headers, redirect: "manual" });
/** The moment the copy of an article was rendered: its comment form carries it. */
const renderedAt = (html: string) => Number(html.match(/name="renderedAt" value="(\d+)"/)?.[1]);
const cli = (args: string[]) => commentsCli(args, databaseUrl, { REDIS_URL: redis.url! });

async function postComment(origin: string, slug: string, body: string, forwardedFor = "192.0.2.10") {
  const response = await fetch(`${origin}/api/comments`, {
    method: "POST",
    headers: { Origin: origin, "Content-Type": "application/json", "X-Forwarded-For": forwardedFor },
    body: JSON.stringify({ postSlug: slug, name: "Fleet Reader", email: `fleet-${run}@example.com`, body, renderedAt: "0" }),
  });
  return response.status;
}

const idOf = (text: string) => {
  const line = cli(["list", "pending"]).split("\n").find((row) => row.includes(text));
  if (!line) throw new Error(`no pending comment says "${text}"`);
  return line.split("\t")[0]!;
};

/** How many clients besides the one asking are connected to Redis: each instance holds one connection. */
async function instancesConnected() {
  const { createClient } = await import("redis");
  const client = createClient({ url: redis.url!, socket: { reconnectStrategy: false } }).on("error", () => {});
  try {
    await client.connect();
    return (await client.clientList()).length - 1;
  } catch {
    return 0;
  } finally {
    client.destroy();
  }
}

/** Signs in through one origin, as the sign-in form does without JavaScript: the session's Cookie header. */
async function signIn(origin: string): Promise<string> {
  const response = await signInWithoutJavaScript(origin, moderatorPassword);
  expect(response.status).toBe(303);
  return sessionCookieOf(response);
}

test("a page rendered on demand by one instance is served by the other without rendering it again", async () => {
  const article = takeOnDemand();
  const first = await get(a.origin, article);
  expect(first.headers.get("x-nextjs-cache")).toBe("MISS");
  const second = await get(b.origin, article);
  expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
  expect(renderedAt(await second.text())).toBe(renderedAt(await first.text()));
});

test("a page Redis has evicted is rendered again on its next request", async () => {
  const article = takeOnDemand();
  const original = renderedAt(await (await get(a.origin, article)).text());
  expect((await get(b.origin, article)).headers.get("x-nextjs-cache")).toBe("HIT");
  const { createClient } = await import("redis");
  const client = createClient({ url: redis.url! });
  await client.connect();
  const keys = await client.keys(`hashline:page:*${article}`);
  expect(keys.length).toBeGreaterThan(0);
  await client.del(keys);
  await client.quit();
  const again = await get(b.origin, article);
  expect(again.status).toBe(200);
  expect(again.headers.get("x-nextjs-cache")).toBe("MISS");
  expect(renderedAt(await again.text())).toBeGreaterThan(original);
});

test("a comment form rendered by one instance is accepted by the other, without JavaScript", async () => {
  const article = takeOnDemand();
  const form = formData({
    ...serverFormFields(commentFormHtml(await (await get(a.origin, article)).text())),
    ...{ name: "Form Reader", email: `form-${run}@example.com`, body: `Across servers ${run}` },
  });
  // Sent a little after the form was shown, as a reader would.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const answer = await fetch(`${b.origin}${article}`, { method: "POST", headers: { Origin: b.origin }, body: form });
  expect(answer.status).toBe(200);
  expect(await answer.text()).toContain("awaits moderation");
  expect(cli(["list", "pending"])).toContain(`Across servers ${run}`);
});

test("a moderator signed in through one instance approves through the other, and both show it on their next request", async () => {
  const article = takeOnDemand();
  const slug = article.replace("/news/", "");
  // Both instances have the article, without the comment, before it is approved.
  for (const origin of [a.origin, b.origin]) expect(await (await get(origin, article)).text()).not.toContain(`Approved on b ${run}`);
  expect(await postComment(a.origin, slug, `Approved on b ${run}`)).toBe(201);
  const cookie = await signIn(a.origin);
  const id = idOf(`Approved on b ${run}`);
  await approveWithoutJavaScript(b.origin, cookie, id);
  expect(cli(["list", "approved"])).toContain(id);
  for (const origin of [a.origin, b.origin]) expect(await (await get(origin, article)).text()).toContain(`Approved on b ${run}`);
});

test("a comment approved, unpublished or deleted with `npm run comments` shows on both instances' next request", async () => {
  const article = takeOnDemand();
  const slug = article.replace("/news/", "");
  const text = `Moderated from the terminal ${run}`;
  const shows = async (expected: boolean) => {
    for (const origin of [a.origin, b.origin]) {
      const html = await (await get(origin, article)).text();
      if (expected) expect(html).toContain(text);
      else expect(html).not.toContain(text);
    }
  };
  await shows(false);
  expect(await postComment(b.origin, slug, text)).toBe(201);
  const id = idOf(text);
  expect(cli(["approve", id])).toContain("every server shows the change on its next request");
  await shows(true);
  cli(["unpublish", id]);
  await shows(false);
  cli(["approve", id]);
  await shows(true);
  cli(["delete", id]);
  await shows(false);
});

test(`eight comments from one address, spread over both instances, with a limit of ${COMMENT_LIMIT}: exactly ${COMMENT_LIMIT} are accepted`, async () => {
  const slug = published[0]!.slug;
  const statuses: number[] = [];
  for (let index = 0; index < 8; index += 1) {
    statuses.push(await postComment(index % 2 ? b.origin : a.origin, slug, `Limited ${index} ${run}`, "198.51.100.23"));
  }
  expect(statuses.filter((status) => status === 201)).toHaveLength(COMMENT_LIMIT);
  expect(statuses.filter((status) => status === 429)).toHaveLength(8 - COMMENT_LIMIT);
  // Another reader is not held back by that one.
  expect(await postComment(b.origin, slug, `Someone else ${run}`, "198.51.100.24")).toBe(201);
});

test("200 requests to /api/market over both instances, across several TTLs, make at most one upstream call per endpoint per TTL", async () => {
  await fetch(`${upstream.url}/__control`, { method: "POST", body: JSON.stringify({ mode: "ok", resetStats: true }) });
  const started = Date.now();
  for (let batch = 0; batch < 20; batch += 1) {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => get((batch + index) % 2 ? b.origin : a.origin, "/api/market")),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const windows = Math.ceil((Date.now() - started) / MARKET_TTL_MS) + 1;
  const calls = (await (await fetch(`${upstream.url}/__stats`)).json()) as Record<string, number>;
  expect(Object.keys(calls).length).toBeGreaterThan(0);
  for (const [endpoint, count] of Object.entries(calls)) {
    expect(count, `${endpoint}: ${count} calls in ${windows} TTLs`).toBeLessThanOrEqual(windows);
  }
  expect(Math.max(...Object.values(calls)), "the burst spanned several TTLs, so the data was refreshed").toBeGreaterThan(1);
});

test("with Redis stopped every page and /api/market still answer 200, and sharing resumes when it is back", async () => {
  test.setTimeout(60_000);
  await redis.stop();
  const pages = ["/", published[0] && `/news/${published[0].slug}`, takeOnDemand(), "/search?q=bitcoin", "/feed.xml", "/admin/comments", "/api/market"];
  for (const origin of [a.origin, b.origin]) {
    for (const address of pages) expect((await get(origin, address!)).status, `${origin}${address}`).toBe(200);
  }
  expect(await postComment(a.origin, published[1]!.slug, `While Redis was down ${run}`, "192.0.2.77")).toBe(201);
  await redis.start();
  // Both instances reconnect on their own (every half second at first, then less often).
  await expect(async () => expect(await instancesConnected()).toBe(2)).toPass({ timeout: 20_000, intervals: [250] });
  const article = takeOnDemand();
  expect((await get(a.origin, article)).headers.get("x-nextjs-cache")).toBe("MISS");
  expect((await get(b.origin, article)).headers.get("x-nextjs-cache")).toBe("HIT");
});

test.describe("through nginx", () => {
  test("a public page is kept for about a second, so a rush of readers costs one render", async () => {
    const article = `/news/${published[2]!.slug}`;
    await get(nginx.url!, article);
    const again = await get(nginx.url!, article);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-micro-cache")).toBe("HIT");
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await get(nginx.url!, article)).headers.get("x-micro-cache")).not.toBe("HIT");
  });

  test("a moderator's pages are never served from the micro-cache", async () => {
    const cookie = await signIn(nginx.url!);
    const signedIn = await (await get(nginx.url!, "/admin/comments", { Cookie: cookie })).text();
    expect(signedIn).toContain("Sign out");
    const strangerPage = await (await get(nginx.url!, "/admin/comments")).text();
    expect(strangerPage).not.toContain("Sign out");
    expect(strangerPage).toContain('name="password"');
  });

  test("a form's answer is never served from the micro-cache, and an approved comment shows within seconds", async () => {
    const article = `/news/${published[3]!.slug}`;
    const form = formData({
      ...serverFormFields(commentFormHtml(await (await get(nginx.url!, article)).text())),
      ...{ name: "Nginx Reader", email: `nginx-${run}@example.com`, body: `Through nginx ${run}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const answer = await fetch(`${nginx.url}${article}`, { method: "POST", headers: { Origin: nginx.url! }, body: form });
    expect(await answer.text()).toContain("awaits moderation");
    const after = await get(nginx.url!, article);
    expect(await after.text()).not.toContain("awaits moderation");

    cli(["approve", idOf(`Through nginx ${run}`)]);
    // Within the micro-cache's second or two.
    await expect(async () => expect(await (await get(nginx.url!, article)).text()).toContain(`Through nginx ${run}`)).toPass({
      timeout: 3_000,
      intervals: [250],
    });
  });
});
