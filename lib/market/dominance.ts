import type { GlobalFigures } from "./schema";

/**
 * No endpoint gives BTC dominance's 24h change, so it is derived. Dominance is BTC's market cap over
 * the total. Each cap 24h ago is today's divided by (1 + its 24h change), so dominance 24h ago is
 * today's × (1 + total change) / (1 + BTC change), and the change is the difference, in points.
 */
export function deriveDominanceChangePts(global: Pick<GlobalFigures, "btcDominancePct" | "marketCapChange24hPct">, btcMarketCapChange24hPct: number | null): number | null {
  if (btcMarketCapChange24hPct === null || btcMarketCapChange24hPct <= -100) return null;
  const before =
    (global.btcDominancePct * (1 + global.marketCapChange24hPct / 100)) / (1 + btcMarketCapChange24hPct / 100);
  return global.btcDominancePct - before;
}
