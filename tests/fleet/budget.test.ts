import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeUpstream } from "../support/fake-upstream";
import { fixture } from "../support/market-fixtures";
import { requireServer } from "../support/require-server";
import { startRedis } from "../support/redis";

// Two servers of one site: each its own budget object and coin service, one Redis between them.
const redis = await startRedis();
const hasRedis = requireServer("Redis", redis);

describe.runIf(hasRedis)("the upstream budget on Redis, across servers", () => {
  let upstream: { server: Server; url: string };
  let budgets: typeof import("@/lib/market/budget");
  let coins: typeof import("@/lib/market/coin-service");

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    vi.stubEnv("REDIS_URL", redis.url!);
    vi.spyOn(console, "error").mockImplementation(() => {});
    budgets = await import("@/lib/market/budget");
    coins = await import("@/lib/market/coin-service");
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    upstream.server.closeAllConnections();
    upstream.server.close();
    await redis.stop();
  });

  it("grants the fleet no more calls in a minute than the budget, however the servers are asked", async () => {
    const options = { perMinute: 25, reserved: { ticker: 4, table: 1 } };
    const name = `burst-${Date.now()}`;
    const fleet = [budgets.createUpstreamBudget(name, options), budgets.createUpstreamBudget(name, options)];
    const asks = Array.from({ length: 300 }, (_, index) => fleet[index % 2]!.take(index % 3 === 0 ? "ticker" : "page"));
    const granted = (await Promise.all(asks)).filter(Boolean).length;
    expect(granted).toBe(25);
    // The ticker's calls were kept back from the pages for it.
    expect(await fleet[0]!.take("ticker")).toBe(false);
  });

  it("keeps a burst of 100 coin pages in every range on two servers within the fleet's budget", async () => {
    await fetch(`${upstream.url}/__control`, { method: "POST", body: JSON.stringify({ mode: "ok", resetStats: true }) });
    const options = { perMinute: 25, reserved: { ticker: 4, table: 1 } };
    const name = `pages-${Date.now()}`;
    const servers = [0, 1].map(() =>
      coins.createCoinService(
        {
          provider: "live",
          coingecko: { baseUrl: `${upstream.url}/api/v3`, timeoutMs: 2_000 },
          fearGreed: { url: `${upstream.url}/fng/`, timeoutMs: 2_000 },
          budget: budgets.createUpstreamBudget(name, options),
          tableTtlMs: 60_000,
          coinTtlMs: 60_000,
          firstAnswerWaitMs: 500,
        },
        { log: () => {} },
      ),
    );
    const ids = (fixture("coingecko-coins-markets-top100.json") as { id: string }[]).map((row) => row.id);
    const ranges = ["24h", "7d", "30d", "1y", "all"] as const;
    await Promise.all(ids.flatMap((id, index) => [servers[index % 2]!.coin(id), ...ranges.map((range) => servers[(index + 1) % 2]!.history(id, range))]));
    const calls = (await (await fetch(`${upstream.url}/__requests`)).json()) as unknown[];
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(options.perMinute - options.reserved.ticker);
  });

  it("keeps each server to the budget on its own while Redis is hung or down, and answers at once when down", async () => {
    const options = { perMinute: 3, reserved: { ticker: 0, table: 0 } };
    const name = `outage-${Date.now()}`;
    const fleet = [budgets.createUpstreamBudget(name, options), budgets.createUpstreamBudget(name, options)];
    // Hung: each take waits one command's timeout, then counts on this server alone.
    redis.freeze(true);
    try {
      expect(await fleet[0]!.take("page")).toBe(true);
    } finally {
      redis.freeze(false);
    }
    await redis.stop();
    const started = performance.now();
    const whileDown = [];
    for (let attempt = 0; attempt < 8; attempt += 1) whileDown.push(await fleet[attempt % 2]!.take("page"));
    // Three a minute each, the hung moment's call included on the first server.
    expect(whileDown.filter(Boolean)).toHaveLength(5);
    expect(performance.now() - started).toBeLessThan(400);
  });
});
