import { z } from "zod";

/**
 * The site's own market data, as `/api/market` serves it and the ticker shows it. Nothing outside
 * lib/market/ sees an upstream field name; the providers reshape their answers into these.
 */
export const coinQuoteSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string(),
  priceUsd: z.number().positive(),
  /** Null when the upstream does not know it (CoinGecko's sign of a stale price): never shown as 0 %. */
  change24hPct: z.number().nullable(),
  /** The coin's market-cap change, used to derive BTC dominance's change. */
  marketCapChange24hPct: z.number().nullable(),
  sparkline7d: z.array(z.number()),
});

export const globalStatsSchema = z.object({
  totalMarketCapUsd: z.number().positive(),
  marketCapChange24hPct: z.number(),
  btcDominancePct: z.number().min(0).max(100),
  btcDominanceChange24hPts: z.number().nullable(),
  /** For the /coins page; null where the upstream left them out. */
  ethDominancePct: z.number().min(0).max(100).nullable(),
  totalVolumeUsd: z.number().nonnegative().nullable(),
  /** Worked out from the volumes seen a day apart (volume-change.ts); null until known. */
  totalVolumeChange24hPct: z.number().nullable(),
});

export const fearGreedSchema = z.object({
  value: z.number().int().min(0).max(100),
  classification: z.string(),
  updatedAt: z.string(),
});

export const sourceSchema = z.enum(["live", "cache", "snapshot"]);

/** How one part (coins, global, Fear & Greed) was served. */
export const partStatusSchema = z.object({
  source: sourceSchema,
  stale: z.boolean(),
  updatedAt: z.string(),
  ageSeconds: z.number().int().nonnegative(),
});

export const marketDataSchema = z.object({
  /** When the oldest of the parts was fetched. */
  updatedAt: z.string(),
  stale: z.boolean(),
  /** "snapshot" if any part is the bundled snapshot, else "cache" if any part is past its TTL, else "live". */
  source: sourceSchema,
  ageSeconds: z.number().int().nonnegative(),
  coins: z.array(coinQuoteSchema),
  global: globalStatsSchema,
  fearGreed: fearGreedSchema.nullable(),
  parts: z.object({ coins: partStatusSchema, global: partStatusSchema, fearGreed: partStatusSchema }),
});

export type CoinQuote = z.infer<typeof coinQuoteSchema>;
export type GlobalStats = z.infer<typeof globalStatsSchema>;
export type FearGreed = z.infer<typeof fearGreedSchema>;
export type MarketSource = z.infer<typeof sourceSchema>;
export type PartStatus = z.infer<typeof partStatusSchema>;
export type MarketData = z.infer<typeof marketDataSchema>;

/** What the ticker shows of the market data: all a page's React payload carries of it (lib/market/ticker-data.ts). */
export type TickerData = Pick<MarketData, "updatedAt" | "stale" | "source" | "ageSeconds" | "fearGreed"> & {
  coins: Pick<CoinQuote, "id" | "symbol" | "name" | "priceUsd" | "change24hPct" | "sparkline7d">[];
  global: Pick<GlobalStats, "totalMarketCapUsd" | "marketCapChange24hPct" | "btcDominancePct" | "btcDominanceChange24hPts">;
};

/** The global figures as the upstream gives them; the dominance change is derived from the coins. */
export const globalFiguresSchema = globalStatsSchema.omit({ btcDominanceChange24hPts: true, totalVolumeChange24hPct: true });
export type GlobalFigures = z.infer<typeof globalFiguresSchema>;
