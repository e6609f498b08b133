import { beforeEach, describe, expect, it, vi } from "vitest";
import { createLocalBudget } from "@/lib/market/budget";
import { chartRanges } from "@/lib/market/coin-schema";
import { type CoinServiceConfig, createCoinService } from "@/lib/market/coin-service";
import { coinsSnapshot } from "@/lib/market/snapshot-coins";
import { upstreamForFile } from "../support/upstream-for-file";
import { fixture } from "../support/market-fixtures";

const { upstream, steer } = upstreamForFile();
const requests = async () => (await (await fetch(`${upstream.url}/__requests`)).json()) as { path: string; search: string; at: number }[];

function service(overrides: Partial<CoinServiceConfig> = {}, now?: () => number) {
  const log = vi.fn();
  const config: CoinServiceConfig = {
    provider: "live",
    coingecko: { baseUrl: `${upstream.url}/api/v3`, timeoutMs: 2_000 },
    fearGreed: { url: `${upstream.url}/fng/`, timeoutMs: 2_000 },
    budget: createLocalBudget({ perMinute: 1_000, reserved: { ticker: 0, table: 0 } }),
    tableTtlMs: 60_000,
    coinTtlMs: 60_000,
    firstAnswerWaitMs: 2_000,
    ...overrides,
  };
  return { coins: createCoinService(config, { log, now }), log };
}

beforeEach(() => steer({ mode: "ok", resetStats: true }));

describe("the coin service", () => {
  it("serves the live table, a coin's own figures and each range's history", async () => {
    const { coins } = service();
    const table = await coins.marketTable();
    expect(table.status.source).toBe("live");
    expect(table.value).toHaveLength(100);
    const bitcoin = await coins.coin("bitcoin");
    expect(bitcoin).toMatchObject({ status: { source: "live" }, value: { id: "bitcoin", priceUsd: 63988 } });
    expect(bitcoin !== "not-found" && bitcoin && "description" in bitcoin.value).toBe(true);
    const week = await coins.history("bitcoin", "7d");
    expect(week?.value.points).toHaveLength(168);
    const history = await coins.fearGreedHistory();
    expect(history.value).toHaveLength(30);
  });

  it("answers 'not-found' for a coin CoinGecko does not know, and asks once", async () => {
    const { coins } = service();
    expect(await coins.coin("not-a-coin")).toBe("not-found");
    expect(await coins.coin("not-a-coin")).toBe("not-found");
    expect((await requests()).filter((request) => request.path === "/api/v3/coins/not-a-coin")).toHaveLength(1);
  });

  it("stops answering 'not-found' once that answer is old: a coin may be listed since", async () => {
    let now = Date.now();
    const { coins } = service({ budget: createLocalBudget({ perMinute: 1, reserved: { ticker: 0, table: 0 } }) }, () => now);
    expect(await coins.coin("not-a-coin")).toBe("not-found");
    now += 120_000;
    // The one call a minute went to the 404: the old answer is not trusted, nor is a 404 made of it.
    expect(await coins.coin("not-a-coin")).toBeUndefined();
  });

  it("shows a year for 'all' on a plan that answers 401 past 365 days, and stops asking for more", async () => {
    const { coins, log } = service();
    const all = await coins.history("bitcoin", "all");
    expect(all?.value.limitedToYear).toBe(true);
    expect(all?.value.points).toHaveLength(366);
    expect(log.mock.calls.flat().join("\n")).toMatch(/one year of history/);
    await coins.history("ethereum", "all");
    expect((await requests()).filter((request) => request.search.includes("days=max"))).toHaveLength(1);
  });

  it("draws a chart from the good points of a malformed answer, and logs it", async () => {
    await steer({ mode: "malformed" });
    const { coins, log } = service();
    const day = await coins.history("bitcoin", "24h");
    expect(day?.value.points).toHaveLength(6);
    expect(log.mock.calls.flat().join("\n")).toMatch(/dropped 2 of 8 points/);
  });

  it("falls back to the table's row and sparkline, then to the snapshot, while the upstream fails", async () => {
    await steer({ mode: "fail" });
    const { coins } = service({ firstAnswerWaitMs: 300 });
    const bitcoin = await coins.coin("bitcoin");
    expect(bitcoin).toMatchObject({ status: { source: "snapshot", updatedAt: coinsSnapshot.recordedAt }, value: { id: "bitcoin" } });
    const week = await coins.history("bitcoin", "7d");
    expect(week?.status.source).toBe("snapshot");
    expect(week?.value.points.length).toBeGreaterThan(2);
    expect(await coins.history("bitcoin", "30d")).toBeUndefined();
  });

  it("serves only the snapshot, without a call, with MARKET_PROVIDER=snapshot", async () => {
    const { coins } = service({ provider: "snapshot" });
    expect((await coins.marketTable()).status.source).toBe("snapshot");
    expect(await coins.coin("ethereum")).toMatchObject({ value: { id: "ethereum" }, status: { source: "snapshot" } });
    expect(await requests()).toHaveLength(0);
  });

  it("keeps a burst of 100 coin pages, each with every range, within the budget", async () => {
    const perMinute = 25;
    const budget = createLocalBudget({ perMinute, reserved: { ticker: 4, table: 1 } });
    const { coins } = service({ budget, firstAnswerWaitMs: 500 });
    const ids = (fixture("coingecko-coins-markets-top100.json") as { id: string }[]).map((row) => row.id);
    const pages = await Promise.all(
      ids.map(async (id) => ({ coin: await coins.coin(id), charts: await Promise.all(chartRanges.map((range) => coins.history(id, range))) })),
    );
    const calls = await requests();
    expect(calls.length).toBeLessThanOrEqual(perMinute - 4);
    // Every page still has its figures (from the table) and a week's chart (from the row's sparkline).
    for (const page of pages) {
      expect(page.coin).toBeTruthy();
      expect(page.charts[1]?.value.points.length).toBeGreaterThan(2);
    }
  });
});
