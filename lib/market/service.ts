import "server-only";
import type { UpstreamBudget } from "./budget";
import type { Cached } from "./cache";
import { deriveDominanceChangePts } from "./dominance";
import { type FearGreedConfig, fetchFearGreed } from "./providers/alternative-me";
import { type CoinGeckoConfig, fetchCoins, fetchGlobal } from "./providers/coingecko";
import { z } from "zod";
import { sourced } from "./freshness";
import { sharedMarketCache } from "./shared-cache";
import { createVolumeHistory } from "./volume-change";
import { type MarketData, coinQuoteSchema, fearGreedSchema, globalFiguresSchema } from "./schema";
import { snapshot } from "./snapshot";

export type MarketConfig = {
  provider: "live" | "snapshot";
  coingecko: CoinGeckoConfig;
  fearGreed: FearGreedConfig;
  ttlMs: number;
  /** With nothing cached yet, how long a request waits for the first answer before the snapshot is served. */
  firstAnswerWaitMs: number;
  /** CoinGecko's calls per minute, which the ticker's come first in. */
  budget?: UpstreamBudget;
};

type Dependencies = { log?: (message: string) => void; now?: () => number };

/**
 * Coins, global figures and Fear & Greed, each cached and refreshed on its own, so that each
 * fails and recovers independently; any part never fetched comes from the bundled snapshot.
 */
export function createMarketService(config: MarketConfig, { log = console.warn, now = Date.now }: Dependencies = {}) {
  const tagged = (message: string) => log(`[market] ${message}`);
  const cache = <T>(name: string, key: string, schema: z.ZodType<T>, load: () => Promise<T>, budget?: UpstreamBudget) =>
    sharedMarketCache(key, schema, {
      name,
      load,
      mayCall: budget && (() => budget.take("ticker")),
      ttlMs: config.ttlMs,
      log: tagged,
      now,
    });
  const coins = cache("CoinGecko /coins/markets", "coins", z.array(coinQuoteSchema), () => fetchCoins(config.coingecko, tagged), config.budget);
  const global = cache("CoinGecko /global", "global", globalFiguresSchema, () => fetchGlobal(config.coingecko), config.budget);
  const fearGreed = cache("alternative.me /fng/", "fear-greed", fearGreedSchema, () => fetchFearGreed(config.fearGreed, tagged));

  const volumeHistory = createVolumeHistory();
  const ageSeconds = (at: number) => Math.max(0, Math.floor((now() - at) / 1000));
  const recordedAt = Date.parse(snapshot.recordedAt);

  const part = <T>(cached: Cached<T> | undefined, fallback: T, isFresh: (entry: Cached<T>) => boolean) =>
    sourced(cached, { value: fallback, at: recordedAt }, isFresh, now());

  return {
    /**
     * The figures. Past the TTL, `refreshWaitMs` is how long to wait for the refresh this call starts before the
     * last figures are served: a browser that refreshes once a TTL asks just past it, and would otherwise only ever
     * be served the figures before.
     */
    async get({ refreshWaitMs = 0 }: { refreshWaitMs?: number } = {}): Promise<MarketData> {
      const live = config.provider === "live";
      const wait = config.firstAnswerWaitMs;
      const [coinsEntry, globalEntry, fearGreedEntry] = live
        ? await Promise.all([coins.get(wait, refreshWaitMs), global.get(wait, refreshWaitMs), fearGreed.get(wait, refreshWaitMs)])
        : [undefined, undefined, undefined];

      const coinsPart = part(coinsEntry, snapshot.coins, coins.isFresh);
      const globalPart = part(globalEntry, snapshot.global, global.isFresh);
      const fearGreedPart = part(fearGreedEntry, snapshot.fearGreed, fearGreed.isFresh);
      const parts = [coinsPart, globalPart, fearGreedPart];
      const sources = new Set(parts.map((p) => p.status.source));
      const oldest = Math.min(...parts.map((p) => p.fetchedAt));
      const bitcoin = coinsPart.value.find((coin) => coin.id === "bitcoin");
      // Only figures of one moment combine: a snapshot's BTC change says nothing about a live total.
      const sameMoment = (coinsPart.status.source === "snapshot") === (globalPart.status.source === "snapshot");

      return {
        updatedAt: new Date(oldest).toISOString(),
        stale: parts.some((p) => p.status.stale),
        source: sources.has("snapshot") ? "snapshot" : sources.has("cache") ? "cache" : "live",
        ageSeconds: ageSeconds(oldest),
        coins: coinsPart.value,
        global: {
          ...globalPart.value,
          // Only fetched answers are a day's samples: the snapshot is one moment long past.
          totalVolumeChange24hPct: globalEntry ? volumeHistory.changeSince(globalPart.value.totalVolumeUsd, globalPart.fetchedAt) : null,
          btcDominanceChange24hPts: sameMoment
            ? deriveDominanceChangePts(globalPart.value, bitcoin?.marketCapChange24hPct ?? null)
            : null,
        },
        fearGreed: fearGreedPart.value,
        parts: { coins: coinsPart.status, global: globalPart.status, fearGreed: fearGreedPart.status },
      };
    },
  };
}
