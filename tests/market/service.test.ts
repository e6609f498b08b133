import { beforeEach, describe, expect, it, vi } from "vitest";
import { type MarketConfig, createMarketService } from "@/lib/market/service";
import { snapshot } from "@/lib/market/snapshot";
import type { Behaviour } from "../support/fake-upstream";
import { upstreamForFile } from "../support/upstream-for-file";
import { COINS } from "../support/market-fixtures";

const { upstream, steer } = upstreamForFile();
const stats = async () => (await (await fetch(`${upstream.url}/__stats`)).json()) as Record<string, number>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function service(overrides: Partial<MarketConfig> = {}) {
  const log = vi.fn();
  const config: MarketConfig = {
    provider: "live",
    ttlMs: 300,
    firstAnswerWaitMs: 800,
    coingecko: { baseUrl: `${upstream.url}/api/v3`, coinIds: COINS, timeoutMs: 1_000 },
    fearGreed: { url: `${upstream.url}/fng/`, timeoutMs: 1_000 },
    ...overrides,
  };
  return { market: createMarketService(config, { log }), log };
}

beforeEach(() => steer({ mode: "ok", resetStats: true }));

describe("market service", () => {
  it("serves live values from the upstream, with BTC dominance's change derived", async () => {
    const data = await service().market.get();
    expect(data).toMatchObject({ source: "live", stale: false });
    expect(data.coins[0]).toMatchObject({ id: "bitcoin", priceUsd: 63988 });
    expect(data.global.btcDominancePct).toBeCloseTo(54.1996, 3);
    // 54.1996 − 54.1996 × 1.004617 / 1.0085705
    expect(data.global.btcDominanceChange24hPts).toBeCloseTo(0.2125, 3);
    expect(data.fearGreed).toMatchObject({ value: 65, classification: "Greed" });
  });

  it("falls back to the bundled snapshot when no live answer has ever arrived", async () => {
    await steer({ mode: "fail" });
    const { market, log } = service();
    const data = await market.get();
    expect(data).toMatchObject({ source: "snapshot", stale: true, updatedAt: snapshot.recordedAt });
    expect(data.coins[0]?.priceUsd).toBe(snapshot.coins[0]?.priceUsd);
    expect(log).toHaveBeenCalledTimes(3);
    expect(log.mock.calls.flat().join("\n")).toMatch(/HTTP 503/);
  });

  it("keeps the last good data, marked stale with its age, while the upstream fails", async () => {
    const { market } = service();
    await market.get();
    await steer({ btcPrice: 1, mode: "fail" });
    await sleep(1_100);
    const data = await market.get();
    expect(data).toMatchObject({ source: "cache", stale: true });
    expect(data.ageSeconds).toBeGreaterThanOrEqual(1);
    expect(data.coins[0]?.priceUsd).toBe(63988);
  });

  it("answers a browser that refreshes once a TTL with fresh figures, the last ones when the refresh is slow, and pages without waiting", async () => {
    const { market } = service();
    await market.get();
    await steer({ mode: "ok", btcPrice: 2 });
    for (let poll = 0; poll < 3; poll += 1) {
      await sleep(350);
      const data = await market.get({ refreshWaitMs: 400 });
      expect(data).toMatchObject({ source: "live", stale: false });
      expect(data.coins[0]?.priceUsd).toBe(2);
    }
    await steer({ mode: "slow", delayMs: 5_000 });
    await sleep(350);
    let started = performance.now();
    const data = await market.get({ refreshWaitMs: 400 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(data).toMatchObject({ source: "cache", stale: true });
    expect(data.coins[0]?.priceUsd).toBe(2);
    // A page's render does not wait for the refresh at all.
    started = performance.now();
    expect((await market.get()).source).toBe("cache");
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each<Behaviour["mode"]>(["garbage", "malformed", "ratelimit"])("never passes on a %s answer", async (mode) => {
    await steer({ mode, btcPrice: 99 });
    const data = await service().market.get();
    expect(data.source).toBe("snapshot");
    expect(data.coins[0]?.priceUsd).toBe(snapshot.coins[0]?.priceUsd);
  });

  it("answers within a second when the upstream is slow", async () => {
    await steer({ mode: "slow", delayMs: 5_000 });
    const started = performance.now();
    const data = await service().market.get();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(data.source).toBe("snapshot");
  });

  it("lets parts fail and recover independently", async () => {
    const { market } = service({ fearGreed: { url: `${upstream.url}/no-such-endpoint/`, timeoutMs: 1_000 } });
    const data = await market.get();
    expect(data.parts.coins.source).toBe("live");
    expect(data.parts.global.source).toBe("live");
    expect(data.parts.fearGreed.source).toBe("snapshot");
    expect(data.source).toBe("snapshot");
    expect(data.global.btcDominanceChange24hPts).not.toBeNull();
  });

  it("makes at most one upstream call per endpoint for 200 concurrent requests", async () => {
    const { market } = service();
    await Promise.all(Array.from({ length: 200 }, () => market.get()));
    expect(await stats()).toEqual({ "/api/v3/coins/markets": 1, "/api/v3/global": 1, "/fng/": 1 });
    await sleep(350);
    await Promise.all(Array.from({ length: 200 }, () => market.get()));
    await sleep(100);
    expect(await stats()).toEqual({ "/api/v3/coins/markets": 2, "/api/v3/global": 2, "/fng/": 2 });
  });

  it("calls no upstream at all with MARKET_PROVIDER=snapshot", async () => {
    const data = await service({ provider: "snapshot" }).market.get();
    expect(data.source).toBe("snapshot");
    expect(await stats()).toEqual({});
  });

  it("sends the demo key in a header, never in the URL", async () => {
    const { market } = service({ coingecko: { baseUrl: `${upstream.url}/api/v3`, coinIds: COINS, timeoutMs: 1_000, apiKey: "demo-key" } });
    await market.get();
    const requests = (await (await fetch(`${upstream.url}/__requests`)).json()) as { path: string; search: string; demoKey?: string }[];
    const coingecko = requests.filter((request) => request.path.startsWith("/api/v3/"));
    expect(coingecko).toHaveLength(2);
    for (const request of coingecko) {
      expect(request.demoKey).toBe("demo-key");
      expect(request.search).not.toContain("demo-key");
    }
  });
});
