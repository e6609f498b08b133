import "server-only";
import { env } from "../env";
import { processSingleton } from "../process-singleton";
import { createMarketService } from "./service";

/** Each upstream call gives up after this; the cache serves the last good data meanwhile. */
const UPSTREAM_TIMEOUT_MS = 4_000;

/** The site's one market service: one cache per process, whatever the number of readers or bundles. */
export const market = processSingleton("market", () =>
  createMarketService({
  provider: env.MARKET_PROVIDER,
  ttlMs: env.MARKET_TTL_SECONDS * 1000,
  firstAnswerWaitMs: 800,
  coingecko: {
    baseUrl: env.COINGECKO_API_URL,
    apiKey: env.COINGECKO_API_KEY,
    // The bar always leads with Bitcoin, configured or not.
    coinIds: [...new Set(["bitcoin", ...env.MARKET_COINS])],
    timeoutMs: UPSTREAM_TIMEOUT_MS,
  },
    fearGreed: { url: env.FEAR_GREED_API_URL, timeoutMs: UPSTREAM_TIMEOUT_MS },
  }),
);

export const marketTtlSeconds = env.MARKET_TTL_SECONDS;
export const marketRefreshSeconds = env.MARKET_REFRESH_SECONDS;
