import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MarketConfig } from "@/lib/market/service";
import { type Behaviour, startFakeUpstream } from "../support/fake-upstream";
import { COINS } from "../support/market-fixtures";
import { requireServer } from "../support/require-server";
import { startRedis } from "../support/redis";

// Two servers of one site are two market services: each has its own cache, and only Redis can make them
// call the upstream once between them.
const redis = await startRedis();
const hasRedis = requireServer("Redis", redis);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(hasRedis)("market data on Redis, across servers", () => {
  let upstream: { server: Server; url: string };
  let createMarketService: typeof import("@/lib/market/service").createMarketService;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    vi.stubEnv("REDIS_URL", redis.url!);
    vi.spyOn(console, "error").mockImplementation(() => {});
    ({ createMarketService } = await import("@/lib/market/service"));
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    upstream.server.closeAllConnections();
    upstream.server.close();
    await redis.stop();
  });

  const steer = (behaviour: Behaviour & { resetStats?: boolean }) =>
    fetch(`${upstream.url}/__control`, { method: "POST", body: JSON.stringify(behaviour) });
  const stats = async () => (await (await fetch(`${upstream.url}/__stats`)).json()) as Record<string, number>;
  const fleet = (ttlMs: number) =>
    [0, 1].map(() => {
      const config: MarketConfig = {
        provider: "live",
        ttlMs,
        firstAnswerWaitMs: 800,
        coingecko: { baseUrl: `${upstream.url}/api/v3`, coinIds: COINS, timeoutMs: 1_000 },
        fearGreed: { url: `${upstream.url}/fng/`, timeoutMs: 1_000 },
      };
      return createMarketService(config, { log: () => {} });
    });

  it("calls each upstream endpoint at most once per TTL for both servers, however many readers", async () => {
    await steer({ mode: "ok", resetStats: true });
    const ttlMs = 1_000;
    const servers = fleet(ttlMs);
    const started = Date.now();
    let answers = 0;
    while (Date.now() - started < 3.5 * ttlMs) {
      const burst = await Promise.all(Array.from({ length: 20 }, (_, reader) => servers[reader % 2]!.get()));
      answers += burst.filter((data) => data.source !== "snapshot").length;
      await sleep(100);
    }
    const ttls = Math.ceil((Date.now() - started) / ttlMs);
    const calls = await stats();
    expect(answers).toBeGreaterThan(0);
    for (const endpoint of ["/api/v3/coins/markets", "/api/v3/global", "/fng/"]) {
      expect(calls[endpoint]).toBeGreaterThanOrEqual(1);
      expect(calls[endpoint]).toBeLessThanOrEqual(ttls);
    }
  });

  it("backs off together: after a 429 with Retry-After, neither server calls again within it, and both serve the stale data", async () => {
    const { createClient } = await import("redis");
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.flushAll();
    await client.close();
    await steer({ mode: "ok", resetStats: true, btcPrice: 23_456 });
    const ttlMs = 300;
    const [first, second] = fleet(ttlMs);
    expect((await first!.get()).coins[0]?.priceUsd).toBe(23_456);
    await steer({ mode: "ratelimit", resetStats: true });
    await sleep(ttlMs + 50);
    // The first refresh meets the 429 (Retry-After: 60); for the next second, however often both are asked,
    // nobody calls again, and both answer the last good data, marked stale.
    for (let round = 0; round < 10; round += 1) {
      const answers = await Promise.all([first!.get(), second!.get(), first!.get(), second!.get()]);
      for (const data of answers) expect(data.coins[0]?.priceUsd).toBe(23_456);
      await sleep(100);
    }
    const calls = await stats();
    expect(calls["/api/v3/coins/markets"]).toBe(1);
    // Stale, with its age, as one server says it.
    expect((await second!.get()).parts.coins).toMatchObject({ stale: true, ageSeconds: expect.any(Number) });
  });

  it("serves what the other server fetched, and ignores garbage found in Redis", async () => {
    const { createClient } = await import("redis");
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.flushAll();
    await steer({ mode: "ok", resetStats: true, btcPrice: 12_345 });
    const [first, second] = fleet(60_000);
    expect((await first!.get()).coins[0]?.priceUsd).toBe(12_345);
    expect((await second!.get()).coins[0]?.priceUsd).toBe(12_345);
    expect((await stats())["/api/v3/coins/markets"]).toBe(1);

    await client.set("hashline:market:coins", '{"value": "not coins", "fetchedAt": 1}');
    await client.close();
    const [third] = fleet(60_000);
    const data = await third!.get();
    expect(data.coins[0]?.priceUsd).toBe(12_345);
  });
});
