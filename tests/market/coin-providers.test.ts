import { describe, expect, it, vi } from "vitest";
import { coinDetailSchema, marketRowSchema } from "@/lib/market/coin-schema";
import { fetchFearGreedHistory } from "@/lib/market/providers/alternative-me";
import { parseCoinDetail, parseMarketTable, parsePriceHistory, plainParagraphs } from "@/lib/market/providers/coingecko-coins";
import { fixture } from "../support/market-fixtures";

describe("CoinGecko /coins/markets, the top-100 table", () => {
  it("reshapes all 100 rows in rank order, with every window's change and a compact sparkline", () => {
    const rows = parseMarketTable(fixture("coingecko-coins-markets-top100.json"), vi.fn());
    expect(rows).toHaveLength(100);
    expect(rows.map((row) => row.rank)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    const [bitcoin] = rows;
    expect(marketRowSchema.parse(bitcoin)).toEqual(bitcoin);
    expect(bitcoin).toMatchObject({ id: "bitcoin", symbol: "BTC", priceUsd: 63988, high24hUsd: 64612, low24hUsd: 62823 });
    expect(bitcoin?.changePct.d7).toBeCloseTo(24.1873, 3);
    expect(bitcoin?.changePct.d30).toBeCloseTo(50.26788, 4);
    expect(bitcoin?.allTimeHigh).toEqual({ priceUsd: 69045, at: "2021-11-10T14:24:11.849Z" });
    expect(bitcoin?.sparkline7d.length).toBeLessThanOrEqual(48);
  });

  it("keeps a young coin's unknown changes and a missing supply as null, never 0", () => {
    const rows = parseMarketTable(fixture("coingecko-coins-markets-top100.json"), vi.fn());
    expect(rows.find((row) => row.id === "starknet")?.changePct).toMatchObject({ d30: null, y1: null });
    expect(rows.find((row) => row.id === "okb")).toMatchObject({ fullyDilutedValuationUsd: null, supply: { total: null } });
    expect(rows.find((row) => row.id === "pepe")?.priceUsd).toBe(2.586e-6);
  });

  it("drops a bad row and logs it; fails when no row is good", () => {
    const body = fixture("coingecko-coins-markets-top100.json");
    body[3].current_price = null;
    body[4].last_updated = "yesterday";
    // An id that would not be a page of the site's own.
    body[5].id = "../admin";
    const log = vi.fn();
    expect(parseMarketTable(body, log)).toHaveLength(97);
    expect(log).toHaveBeenCalledTimes(3);
    expect(() => parseMarketTable([{ id: "x" }], vi.fn())).toThrow(/no valid row/);
    expect(() => parseMarketTable({ error: "nope" }, vi.fn())).toThrow(/unexpected answer/);
  });
});

describe("CoinGecko /coins/{id}", () => {
  it("reads the figures in US dollars and the description as plain text", () => {
    const coin = parseCoinDetail(fixture("coingecko-coin-bitcoin.json"), "bitcoin");
    expect(coinDetailSchema.parse(coin)).toEqual(coin);
    expect(coin).toMatchObject({ id: "bitcoin", symbol: "BTC", priceUsd: 63988, rank: 1, supply: { max: 21000000 } });
    expect(coin.homepage).toBe("http://www.bitcoin.org");
    expect(coin.description.length).toBeGreaterThan(0);
    expect(coin.description.join(" ")).not.toMatch(/<|\r|\n/);
    expect(coin.description.join(" ")).toContain("SHA-256");
  });

  it("knows ETH has no max supply", () => {
    expect(parseCoinDetail(fixture("coingecko-coin-ethereum.json"), "ethereum").supply.max).toBeNull();
  });

  it("takes a new coin's empty window objects as unknown", () => {
    const body = fixture("coingecko-coin-bitcoin.json");
    body.market_data.price_change_percentage_7d_in_currency = {};
    expect(parseCoinDetail(body, "bitcoin").changePct.d7).toBeNull();
  });

  it("fails on an answer for another coin or without a price", () => {
    expect(() => parseCoinDetail(fixture("coingecko-coin-ethereum.json"), "bitcoin")).toThrow(/another coin/);
    const body = fixture("coingecko-coin-bitcoin.json");
    body.market_data.current_price.usd = null;
    expect(() => parseCoinDetail(body, "bitcoin")).toThrow(/unexpected answer/);
  });

  it("never lets the upstream's markup through", () => {
    expect(plainParagraphs('<script>alert(1)</script>Hi <a href="x">there</a> &amp; you\r\n\r\n<img src=x onerror=alert(1)>Second')).toEqual([
      "alert(1)Hi there & you",
      "Second",
    ]);
    expect(plainParagraphs("")).toEqual([]);
  });
});

describe("CoinGecko /coins/{id}/market_chart", () => {
  it("reads every point of the recorded ranges, oldest first", () => {
    for (const [days, count] of [["1", 289], ["7", 168], ["30", 720], ["365", 366]] as const) {
      const points = parsePriceHistory(fixture(`coingecko-market-chart-bitcoin-${days}.json`), "chart", vi.fn());
      expect(points).toHaveLength(count);
      expect(points.at(-1)).toEqual({ t: 1709294400000, price: 63988 });
    }
  });

  it("drops a null price and an out-of-order point, logs them, and keeps the six good points", () => {
    const log = vi.fn();
    const points = parsePriceHistory(fixture("coingecko-market-chart-bad.json"), "chart", log);
    expect(points).toHaveLength(6);
    expect(points.every((point, index) => index === 0 || point.t > points[index - 1]!.t)).toBe(true);
    expect(points.every((point) => Number.isFinite(point.price) && point.price > 0)).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/dropped 2 of 8 points/));
  });

  it("fails with fewer than two good points, or on the plan's 401 body", () => {
    expect(() => parsePriceHistory({ prices: [[1, null], [2, 5]] }, "chart", vi.fn())).toThrow(/fewer than 2/);
    expect(() => parsePriceHistory(fixture("coingecko-market-chart-max-401.json"), "chart", vi.fn())).toThrow(/unexpected answer/);
  });
});

describe("alternative.me /fng/?limit=30", () => {
  it("gives one value a day, newest first, whatever order or repeats the answer has", async () => {
    const body = fixture("alternative-fng-history-30.json");
    body.data = [...body.data.slice(5), ...body.data.slice(0, 5), body.data[2]];
    const { createServer } = await import("node:http");
    const server = createServer((_request, response) => response.end(JSON.stringify(body)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const days = await fetchFearGreedHistory({ url: `http://127.0.0.1:${port}/fng/`, timeoutMs: 2_000 }, 30);
      expect(days).toHaveLength(30);
      expect(days[0]).toMatchObject({ value: 65, classification: "Greed", day: "2024-03-01T00:00:00.000Z" });
      expect(days.map((day) => day.day)).toEqual([...days.map((day) => day.day)].sort().reverse());
    } finally {
      server.close();
    }
  });
});
