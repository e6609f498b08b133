import { describe, expect, it } from "vitest";
import { createMarketService } from "@/lib/market/service";
import { tickerData } from "@/lib/market/ticker-data";
import { COINS } from "../support/market-fixtures";

/** The bundled snapshot, as the market service serves it offline. */
const snapshotMarketData = () =>
  createMarketService({
    provider: "snapshot",
    ttlMs: 30_000,
    firstAnswerWaitMs: 0,
    coingecko: { baseUrl: "http://127.0.0.1:9/api/v3", coinIds: COINS, timeoutMs: 1_000 },
    fearGreed: { url: "http://127.0.0.1:9/fng/", timeoutMs: 1_000 },
  }).get();

describe("tickerData", () => {
  it("keeps every figure the bar shows, as it is, and drops what it does not show", async () => {
    const data = await snapshotMarketData();
    const shown = tickerData(data);
    expect(shown).toEqual({
      updatedAt: data.updatedAt,
      stale: data.stale,
      source: data.source,
      ageSeconds: data.ageSeconds,
      fearGreed: data.fearGreed,
      coins: data.coins.map((coin) => ({
        id: coin.id,
        symbol: coin.symbol,
        name: coin.name,
        priceUsd: coin.priceUsd,
        change24hPct: coin.change24hPct,
        sparkline7d: coin.sparkline7d,
      })),
      global: {
        totalMarketCapUsd: data.global.totalMarketCapUsd,
        marketCapChange24hPct: data.global.marketCapChange24hPct,
        btcDominancePct: data.global.btcDominancePct,
        btcDominanceChange24hPts: data.global.btcDominanceChange24hPts,
      },
    });
    expect(Object.keys(shown)).not.toContain("parts");
    expect(JSON.stringify(shown).length).toBeLessThan(JSON.stringify(data).length * 0.85);
  });
});
