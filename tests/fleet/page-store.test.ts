import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient } from "redis";
import { type RedisClient, connectRedis } from "@/lib/redis/connection.mjs";
import { PAGE_TAGS_KEY, createSharedPageStore, expirePageTags } from "@/lib/cache/shared-page-store.mjs";
import { requireServer } from "../support/require-server";
import { startRedis } from "../support/redis";

// A small Redis that evicts as the README tells operators to set it: least used first, among keys with a TTL.
const redis = await startRedis(["--maxmemory", "8mb", "--maxmemory-policy", "volatile-lru"]);
const hasRedis = requireServer("Redis", redis);

const page = (html: string, at = Date.now()) => ({
  lastModified: at,
  renderedFrom: at - 5,
  cacheControl: { revalidate: 20, expire: 3600 },
  value: {
    kind: "APP_PAGE" as const,
    html,
    rscData: Buffer.from([0, 1, 2, 255]),
    headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/news/one" },
    status: 200,
    segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  },
});

describe.runIf(hasRedis)("the build's pages in Redis", () => {
  let inspect: RedisClient;

  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    // Redis is stopped by the last test: this client's lost connection is expected.
    inspect = createClient({ url: redis.url!, socket: { reconnectStrategy: false } }).on("error", () => {});
    await inspect.connect();
  });
  afterAll(async () => {
    inspect.destroy();
    await redis.stop();
  });

  it("gives back a page as it was stored, Buffers and Maps included, within its build only", async () => {
    const store = createSharedPageStore(connectRedis(redis.url!), "build-1");
    const stored = page("<p>one</p>");
    expect(await store.set("/route-cache/APP_PAGE/x/$/news/one", stored)).toBe(true);
    expect(await store.get("/route-cache/APP_PAGE/x/$/news/one")).toEqual(stored);
    expect(await createSharedPageStore(connectRedis(redis.url!), "build-2").get("/route-cache/APP_PAGE/x/$/news/one")).toBeNull();
    const ttl = await inspect.ttl("hashline:page:build-1:/route-cache/APP_PAGE/x/$/news/one");
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("takes garbage, a foreign shape or a wrong kind in Redis for a miss", async () => {
    const store = createSharedPageStore(connectRedis(redis.url!), "build-1");
    for (const [index, text] of ["not json", "{}", JSON.stringify({ ...page("x"), value: { kind: "FETCH", data: {} } }), "null"].entries()) {
      await inspect.set(`hashline:page:build-1:/garbage/${index}`, text);
      expect(await store.get(`/garbage/${index}`)).toBeNull();
    }
  });

  it("tells a page rendered before its tag was expired, from any server or the CLI", async () => {
    const store = createSharedPageStore(connectRedis(redis.url!), "build-1");
    const before = Date.now() - 1_000;
    expect(await store.expiredSince(["_N_T_/news/two"], before)).toBe(false);
    expect(await expirePageTags(connectRedis(redis.url!), ["_N_T_/news/two"])).toBe(true);
    expect(await store.expiredSince(["_N_T_/layout", "_N_T_/news/two"], before)).toBe(true);
    expect(await store.expiredSince(["_N_T_/news/two"], Date.now() + 1)).toBe(false);
    // An expiry is never moved back, whichever server's write arrives last.
    await expirePageTags(connectRedis(redis.url!), ["_N_T_/news/four"], 2_000);
    await expirePageTags(connectRedis(redis.url!), ["_N_T_/news/four"], 1_000);
    expect(await inspect.hGet(PAGE_TAGS_KEY, "_N_T_/news/four")).toBe("2000");
    await inspect.hSet(PAGE_TAGS_KEY, "_N_T_/news/three", "garbage");
    expect(await store.expiredSince(["_N_T_/news/three"], before)).toBe(false);
  });

  it("stays within Redis's memory: the least used pages are evicted, the page tags never", async () => {
    const store = createSharedPageStore(connectRedis(redis.url!), "build-big");
    await expirePageTags(connectRedis(redis.url!), ["_N_T_/news/evicted-never"]);
    const html = "x".repeat(200_000);
    for (let index = 0; index < 80; index += 1) await store.set(`/news/${index}`, page(`${html}${index}`));
    const used = Number((await inspect.info("memory")).match(/used_memory:(\d+)/)?.[1]);
    expect(used).toBeLessThanOrEqual(8 * 1024 * 1024 * 1.1);
    // Redis's LRU is approximate (it samples keys), so the test counts rather than names the evicted pages.
    // (EXISTS, not GET: reading 16 MB back would fill Redis's output buffers, which evicts keys too.)
    const kept = await Promise.all(Array.from({ length: 80 }, async (_, index) => (await inspect.exists(`hashline:page:build-big:/news/${index}`)) === 1));
    const keptOf = (from: number, to: number) => kept.slice(from, to).filter(Boolean).length;
    expect(keptOf(0, 80)).toBeLessThan(80);
    expect(keptOf(0, 40)).toBeLessThan(keptOf(40, 80));
    expect(kept[79]).toBe(true);
    expect(await inspect.hGet(PAGE_TAGS_KEY, "_N_T_/news/evicted-never")).not.toBeNull();
  });

  it("answers undefined at once while Redis is down, so each server uses its own cache", async () => {
    const store = createSharedPageStore(connectRedis(redis.url!), "build-1");
    await redis.stop();
    const started = performance.now();
    expect(await store.get("/route-cache/APP_PAGE/x/$/news/one")).toBeUndefined();
    expect(await store.set("/news/down", page("down"))).toBe(false);
    expect(await store.expiredSince(["_N_T_/news/two"], 0)).toBeUndefined();
    // Sooner than one command's timeout: nothing waits on a Redis known to be down.
    expect(performance.now() - started).toBeLessThan(400);
  });
});
