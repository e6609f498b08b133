import type { MarketData, TickerData } from "./schema";

/**
 * The figures the ticker shows, and nothing else: the bar's first figures travel in every page's React payload,
 * where the parts' states, the volumes and the coins' market-cap changes would only add bytes.
 */
export function tickerData({ updatedAt, stale, source, ageSeconds, fearGreed, coins, global }: MarketData): TickerData {
  return {
    updatedAt,
    stale,
    source,
    ageSeconds,
    fearGreed,
    coins: coins.map(({ id, symbol, name, priceUsd, change24hPct, sparkline7d }) => ({ id, symbol, name, priceUsd, change24hPct, sparkline7d })),
    global: {
      totalMarketCapUsd: global.totalMarketCapUsd,
      marketCapChange24hPct: global.marketCapChange24hPct,
      btcDominancePct: global.btcDominancePct,
      btcDominanceChange24hPts: global.btcDominanceChange24hPts,
    },
  };
}
