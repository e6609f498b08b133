import { z } from "zod";

/**
 * The site's own shapes for the market table and coin pages; the CoinGecko provider reshapes its answers
 * into these, and what comes back from Redis is checked against them.
 */
const usd = z.number().finite().nonnegative();
const percent = z.number().finite().nullable();

export const extremeSchema = z.object({ priceUsd: z.number().positive(), at: z.iso.datetime() });

export const coinFiguresSchema = z.object({
  id: z.string().min(1),
  symbol: z.string().min(1).max(20),
  name: z.string().min(1).max(80),
  rank: z.number().int().positive().nullable(),
  priceUsd: z.number().positive(),
  /** Price change over each window; null where the upstream does not know it (a coin too young for a year). */
  changePct: z.object({ h1: percent, h24: percent, d7: percent, d30: percent, y1: percent }),
  marketCapUsd: usd.nullable(),
  fullyDilutedValuationUsd: usd.nullable(),
  volume24hUsd: usd.nullable(),
  high24hUsd: usd.nullable(),
  low24hUsd: usd.nullable(),
  supply: z.object({ circulating: usd.nullable(), total: usd.nullable(), max: usd.nullable() }),
  allTimeHigh: extremeSchema.nullable(),
  allTimeLow: extremeSchema.nullable(),
  /** When the upstream last priced the coin. */
  updatedAt: z.iso.datetime(),
});

/** A row of the /coins table. */
export const marketRowSchema = coinFiguresSchema.extend({ sparkline7d: z.array(z.number().nonnegative()) });

/** One coin's page: its figures and, where the upstream has one, a short description in plain paragraphs. */
export const coinDetailSchema = coinFiguresSchema.extend({
  description: z.array(z.string()),
  homepage: z.string().nullable(),
});

export const pricePointSchema = z.object({ t: z.number().int().positive(), price: z.number().positive() });

/** The chart's ranges, as they appear in the page's address (`?range=30d`). */
export const chartRanges = ["24h", "7d", "30d", "1y", "all"] as const;
export const chartRangeSchema = z.enum(chartRanges);

export const fearGreedDaySchema = z.object({ value: z.number().int().min(0).max(100), classification: z.string(), day: z.iso.datetime() });

export type CoinFigures = z.infer<typeof coinFiguresSchema>;
export type MarketRow = z.infer<typeof marketRowSchema>;
export type CoinDetail = z.infer<typeof coinDetailSchema>;
export type PricePoint = z.infer<typeof pricePointSchema>;
export type ChartRange = z.infer<typeof chartRangeSchema>;
export type FearGreedDay = z.infer<typeof fearGreedDaySchema>;
