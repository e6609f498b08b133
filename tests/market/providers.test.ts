import { describe, expect, it, vi } from "vitest";
import { classifyFearGreed, parseFearGreed } from "@/lib/market/providers/alternative-me";
import { parseCoins, parseGlobal } from "@/lib/market/providers/coingecko";
import { COINS, fixture } from "../support/market-fixtures";

describe("CoinGecko /coins/markets", () => {
  it("reshapes the recorded answer into the site's quotes, in the configured order", () => {
    const coins = parseCoins(fixture("coingecko-coins-markets.json"), COINS, vi.fn());
    expect(coins.map((coin) => coin.id)).toEqual(COINS);
    expect(coins[0]).toMatchObject({ id: "bitcoin", symbol: "BTC", name: "Bitcoin", priceUsd: 63988 });
    expect(coins[0]?.change24hPct).toBeCloseTo(0.872, 3);
    expect(coins[0]?.sparkline7d).toHaveLength(24);
  });

  it("drops one bad coin, logs why, and keeps the others", () => {
    const body = fixture("coingecko-coins-markets.json");
    body[1].current_price = null;
    body[2].current_price = -5;
    const log = vi.fn();
    const coins = parseCoins(body, COINS, log);
    expect(coins).toHaveLength(3);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0]?.[0]).toMatch(/dropped ethereum/);
  });

  it("keeps an unknown 24h change as null, never 0", () => {
    const body = fixture("coingecko-coins-markets.json");
    body[1].price_change_percentage_24h = null;
    expect(parseCoins(body, COINS, vi.fn()).find((c) => c.id === "ethereum")?.change24hPct).toBeNull();
  });

  it.each([
    ["an object instead of a list", fixture("coingecko-simple-price-null.json")],
    ["an empty list (unknown ids)", []],
    ["Bitcoin with a null price", fixture("coingecko-coins-markets.json").map((c: any) => (c.id === "bitcoin" ? { ...c, current_price: null } : c))],
    ["Bitcoin with a negative price", fixture("coingecko-coins-markets.json").map((c: any) => (c.id === "bitcoin" ? { ...c, current_price: -1 } : c))],
    ["a string", "<html>rate limited</html>"],
  ])("fails on %s", (_name, body) => {
    expect(() => parseCoins(body, COINS, vi.fn())).toThrow(/CoinGecko \/coins\/markets/);
  });
});

describe("CoinGecko /global", () => {
  it("reads total market cap, its change and BTC dominance", () => {
    const global = parseGlobal(fixture("coingecko-global.json"));
    expect(global.totalMarketCapUsd).toBeCloseTo(2.2915e12, -9);
    expect(global.marketCapChange24hPct).toBeCloseTo(0.4617, 4);
    expect(global.btcDominancePct).toBeCloseTo(54.1996, 4);
  });

  it("rejects an answer missing the total cap and dominance", () => {
    expect(() => parseGlobal(fixture("coingecko-global-missing-fields.json"))).toThrow(/total_market_cap/);
  });

  it("rejects a dominance above 100 %", () => {
    const body = fixture("coingecko-global.json");
    body.data.market_cap_percentage.btc = 140;
    expect(() => parseGlobal(body)).toThrow(/CoinGecko \/global/);
  });
});

describe("alternative.me /fng/", () => {
  it("reads the value (sent as a string) and its label", () => {
    expect(parseFearGreed(fixture("alternative-fng.json"), vi.fn())).toEqual({
      value: 65,
      classification: "Greed",
      updatedAt: "2024-03-01T00:00:00.000Z",
    });
    expect(parseFearGreed(fixture("alternative-fng-history.json"), vi.fn()).value).toBeTypeOf("number");
  });

  it.each([["abc"], ["140"], ["-3"], [""], ["65.5"]])("rejects the value %j", (value) => {
    const body = fixture("alternative-fng.json");
    body.data[0].value = value;
    expect(() => parseFearGreed(body, vi.fn())).toThrow(/alternative\.me/);
  });

  it("rejects the recorded bad value and an answer reporting an error", () => {
    expect(() => parseFearGreed(fixture("alternative-fng-bad-value.json"), vi.fn())).toThrow();
    expect(() => parseFearGreed({ data: [], metadata: { error: "rate limit" } }, vi.fn())).toThrow();
  });

  it("fills a missing label and replaces one at odds with the value", () => {
    const body = fixture("alternative-fng.json");
    delete body.data[0].value_classification;
    expect(parseFearGreed(body, vi.fn()).classification).toBe("Greed");
    body.data[0].value = "10";
    body.data[0].value_classification = "Extreme Greed";
    const log = vi.fn();
    expect(parseFearGreed(body, log).classification).toBe("Extreme Fear");
    expect(log).toHaveBeenCalledOnce();
  });

  it.each([
    [0, "Extreme Fear"],
    [25, "Extreme Fear"],
    [26, "Fear"],
    [46, "Fear"],
    [47, "Neutral"],
    [54, "Neutral"],
    [55, "Greed"],
    [75, "Greed"],
    [76, "Extreme Greed"],
    [100, "Extreme Greed"],
  ])("classifies %i as %s", (value, label) => {
    expect(classifyFearGreed(value)).toBe(label);
  });
});
