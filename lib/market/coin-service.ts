import "server-only";
import { z } from "zod";
import type { UpstreamBudget } from "./budget";
import type { Cached, RefreshingCache } from "./cache";
import {
  type ChartRange,
  type CoinDetail,
  type FearGreedDay,
  type MarketRow,
  type PricePoint,
  coinDetailSchema,
  fearGreedDaySchema,
  marketRowSchema,
  pricePointSchema,
} from "./coin-schema";
import { type Sourced, sourced, sourcedEntry } from "./freshness";
import { UpstreamError } from "./http";
import { type FearGreedConfig, fetchFearGreedHistory } from "./providers/alternative-me";
import { type CoinGeckoCoinsConfig, fetchCoinDetail, fetchMarketTable, fetchPriceHistory } from "./providers/coingecko-coins";
import { sharedMarketCache } from "./shared-cache";
import { coinsSnapshot } from "./snapshot-coins";

export type CoinServiceConfig = {
  provider: "live" | "snapshot";
  coingecko: CoinGeckoCoinsConfig;
  fearGreed: FearGreedConfig;
  budget: UpstreamBudget;
  tableTtlMs: number;
  coinTtlMs: number;
  /** With nothing cached, how long a page waits for the upstream before showing what it has. */
  firstAnswerWaitMs: number;
};

type Dependencies = { log?: (message: string) => void; now?: () => number };

/**
 * What each chart range asks CoinGecko for, and how long its answer is kept: a day's 5-minute points go
 * stale quickly, a year of daily points hardly at all.
 */
export const rangeRequests: Record<ChartRange, { days: number | "max"; ttlMs: number }> = {
  "24h": { days: 1, ttlMs: 5 * 60_000 },
  "7d": { days: 7, ttlMs: 15 * 60_000 },
  "30d": { days: 30, ttlMs: 60 * 60_000 },
  "1y": { days: 365, ttlMs: 12 * 60 * 60_000 },
  all: { days: "max", ttlMs: 24 * 60 * 60_000 },
};

/** A chart's points and, for "all" on a plan that serves one year only, that it covers a year. */
export type PriceHistory = { points: PricePoint[]; limitedToYear: boolean };
const priceHistorySchema = z.object({ points: z.array(pricePointSchema).min(2), limitedToYear: z.boolean() });

/** Coins' caches kept per server; the least recently used go first. */
const MAX_CACHED_KEYS = 2_000;
const FEAR_GREED_TTL_MS = 60 * 60_000;
const FEAR_GREED_DAYS = 30;
/** CoinGecko's answer when a range reaches past what the API plan serves (reference, section 4). */
const PLAN_LIMIT_STATUS = 401;

/**
 * The /coins table, each coin's figures and its price history, each from its own cache within the
 * upstream's budget (the table before coin pages). Past the budget, or while the upstream fails, each
 * gives its last good data with its age; what was never fetched comes from the table's row or the snapshot.
 */
export function createCoinService(config: CoinServiceConfig, { log = console.warn, now = Date.now }: Dependencies = {}) {
  const tagged = (message: string) => log(`[market] ${message}`);
  const live = config.provider === "live";
  const snapshotAt = Date.parse(coinsSnapshot.recordedAt);

  const cache = <T>(name: string, key: string, schema: z.ZodType<T>, ttlMs: number, load: () => Promise<T>, priority?: "table" | "page") =>
    sharedMarketCache(key, schema, { name, load, ttlMs, log: tagged, now, mayCall: priority && (() => config.budget.take(priority)) });

  const table = cache("CoinGecko /coins/markets (table)", "table", z.array(marketRowSchema), config.tableTtlMs, () => fetchMarketTable(config.coingecko, tagged), "table");
  const fearGreed = cache("alternative.me /fng/ (history)", "fear-greed-history", z.array(fearGreedDaySchema), FEAR_GREED_TTL_MS, () =>
    fetchFearGreedHistory(config.fearGreed, FEAR_GREED_DAYS),
  );

  /** Per-key caches, bounded: readers can ask for many coins and ranges, and each idle one costs memory. */
  function keyedCaches<T>(create: (key: string) => RefreshingCache<T>) {
    const caches = new Map<string, RefreshingCache<T>>();
    return (key: string) => {
      let found = caches.get(key);
      if (found) caches.delete(key);
      else found = create(key);
      caches.set(key, found);
      if (caches.size > MAX_CACHED_KEYS) caches.delete(caches.keys().next().value!);
      return found;
    };
  }

  // null: CoinGecko does not know the coin (its 404), kept like an answer so the miss is not asked again at once.
  const details = keyedCaches<CoinDetail | null>((id) =>
    cache(`CoinGecko /coins/${id}`, `coin:${id}`, coinDetailSchema.nullable(), config.coinTtlMs, async () => (await fetchCoinDetail(config.coingecko, id)) ?? null, "page"),
  );

  /** Whether "max" is past the plan's reach; learnt from the first 401, then "all" shows the year's chart. */
  let yearOnly = false;
  const histories = keyedCaches<PriceHistory>((key) => {
    const [id, range] = key.split(" ") as [string, ChartRange];
    const request = rangeRequests[range];
    return cache(`CoinGecko /coins/${id}/market_chart (${range})`, `chart:${id}:${range}`, priceHistorySchema, request.ttlMs, async () => {
      try {
        return { points: await fetchPriceHistory(config.coingecko, id, request.days, tagged), limitedToYear: false };
      } catch (error) {
        if (request.days === "max" && error instanceof UpstreamError && error.status === PLAN_LIMIT_STATUS && !yearOnly) {
          tagged("CoinGecko serves one year of history on this plan: the longest chart shows a year");
          yearOnly = true;
        }
        throw error;
      }
    }, "page");
  });

  const fromSnapshot = <T>(value: T) => ({ value, at: snapshotAt });

  async function marketTable(): Promise<Sourced<MarketRow[]>> {
    const entry = live ? await table.get(config.firstAnswerWaitMs) : undefined;
    return sourced(entry, fromSnapshot(coinsSnapshot.table), table.isFresh, now());
  }

  /** A row's 7-day sparkline as a chart: evenly spread over the week up to the row's time. */
  function sparklineHistory(row: MarketRow): PriceHistory | undefined {
    const { sparkline7d: prices } = row;
    const end = Date.parse(row.updatedAt);
    const step = (7 * 86_400_000) / (prices.length - 1);
    // Spread over the week first, so that a point left out (no price) leaves its gap in time.
    const points = prices.map((price, index) => ({ t: Math.round(end - (prices.length - 1 - index) * step), price })).filter((point) => point.price > 0);
    return points.length < 2 ? undefined : { points, limitedToYear: false };
  }

  /** A coin's price history over a range; the 7-day range falls back to its row's sparkline. */
  async function history(id: string, range: ChartRange): Promise<Sourced<PriceHistory> | undefined> {
    if (range === "all" && yearOnly) {
      const year = await history(id, "1y");
      return year && { ...year, value: { ...year.value, limitedToYear: true } };
    }
    const cache = live ? histories(`${id} ${range}`) : undefined;
    const entry = cache ? await cache.get(config.firstAnswerWaitMs) : undefined;
    if (entry && cache) return sourcedEntry(entry, cache.isFresh, now());
    // The plan's limit, learnt just now: this reader gets the year too.
    if (range === "all" && yearOnly) return history(id, "all");
    if (range !== "7d") return undefined;
    const tableNow = await marketTable();
    const row = tableNow.value.find((candidate) => candidate.id === id);
    const fromSparkline = row && sparklineHistory(row);
    return fromSparkline && { ...tableNow, value: fromSparkline };
  }

  return {
    marketTable,

    /** The table this server holds, without asking the upstream (or Redis) for a fresher one. */
    heldTable(): MarketRow[] {
      return table.peek()?.value ?? coinsSnapshot.table;
    },

    async fearGreedHistory(): Promise<Sourced<FearGreedDay[]>> {
      const entry = live ? await fearGreed.get(config.firstAnswerWaitMs) : undefined;
      return sourced(entry, fromSnapshot(coinsSnapshot.fearGreedHistory), fearGreed.isFresh, now());
    },

    /**
     * A coin's figures: its own answer, or else its row in the table (with that row's age). "not-found" when
     * CoinGecko says it has no such coin; undefined when nothing is known of it yet.
     */
    async coin(id: string): Promise<Sourced<CoinDetail | MarketRow> | "not-found" | undefined> {
      const cache = live ? details(id) : undefined;
      const entry = cache ? await cache.get(config.firstAnswerWaitMs) : undefined;
      // A fresh "no such coin" only: an old one (the coin may have been listed since) falls back to its row.
      if (entry?.value === null && cache?.isFresh(entry)) return "not-found";
      if (entry?.value && cache) return sourcedEntry(entry as Cached<CoinDetail>, cache.isFresh, now());
      const tableNow = await marketTable();
      const row = tableNow.value.find((candidate) => candidate.id === id);
      return row && { ...tableNow, value: row };
    },

    history,
  };
}

export type CoinService = ReturnType<typeof createCoinService>;
