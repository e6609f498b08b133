import "server-only";
import { env } from "../env";
import { processSingleton } from "../process-singleton";
import { createUpstreamBudget } from "./budget";
import { createCoinService } from "./coin-service";
import { siteDatabase } from "../database/db";
import { createPublicationPrices } from "./publication-prices";
import { createMarketService } from "./service";

/** Each upstream call gives up after this; the cache serves the last good data meanwhile. */
const UPSTREAM_TIMEOUT_MS = 4_000;
/** CoinGecko refreshes its own answers for the table and coins every minute or so (reference, section 4). */
const TABLE_TTL_MS = 60_000;
const COIN_TTL_MS = 60_000;
/** The ticker's two CoinGecko calls per TTL. */
const TICKER_CALLS_PER_TTL = 2;

const coingecko = { baseUrl: env.COINGECKO_API_URL, apiKey: env.COINGECKO_API_KEY, timeoutMs: UPSTREAM_TIMEOUT_MS };
const fearGreed = { url: env.FEAR_GREED_API_URL, timeoutMs: UPSTREAM_TIMEOUT_MS };

/** CoinGecko's calls for the whole site, kept back for the ticker first and the table next. */
const budget = processSingleton("market-budget", () =>
  createUpstreamBudget("coingecko", {
    perMinute: env.MARKET_UPSTREAM_CALLS_PER_MINUTE,
    reserved: {
      ticker: Math.ceil((TICKER_CALLS_PER_TTL * 60) / env.MARKET_TTL_SECONDS),
      table: Math.ceil(60_000 / TABLE_TTL_MS),
    },
  }),
);

/** The site's one market service: one cache per process, whatever the number of readers or bundles. */
export const market = processSingleton("market", () =>
  createMarketService({
    provider: env.MARKET_PROVIDER,
    ttlMs: env.MARKET_TTL_SECONDS * 1000,
    firstAnswerWaitMs: 800,
    // The bar always leads with Bitcoin, configured or not.
    coingecko: { ...coingecko, coinIds: [...new Set(["bitcoin", ...env.MARKET_COINS])] },
    fearGreed,
    budget,
  }),
);

/** The market table and coin pages' data, within the same budget. */
export const coinMarket = processSingleton("coin-market", () =>
  createCoinService({
    provider: env.MARKET_PROVIDER,
    coingecko,
    fearGreed,
    budget,
    tableTtlMs: TABLE_TTL_MS,
    coinTtlMs: COIN_TTL_MS,
    firstAnswerWaitMs: 2_000,
  }),
);

export { tickerData } from "./ticker-data";

export const marketTtlSeconds = env.MARKET_TTL_SECONDS;
/** How long a browser's refresh of the ticker waits past the TTL for new figures (see the market service's get). */
export const marketRefreshWaitMs = 400;
export const marketRefreshSeconds = env.MARKET_REFRESH_SECONDS;
/** The coins the ticker shows, each of which has a page. */
export const tickerCoinIds = env.MARKET_COINS;

/** Each story's coin prices at publication, found in the coins' history and kept in the site's database. */
export const publicationPrices = processSingleton("publication-prices", () =>
  createPublicationPrices({ db: siteDatabase, history: coinMarket.history }),
);

/** A coin's latest price as the site has it: the ticker's (fresher) for its coins, else the table's row. */
export async function latestQuote(id: string) {
  const ticker = await market.get();
  const quote = ticker.coins.find((coin) => coin.id === id);
  if (quote) return { priceUsd: quote.priceUsd, status: ticker.parts.coins };
  const table = await coinMarket.marketTable();
  const row = table.value.find((candidate) => candidate.id === id);
  return row && { priceUsd: row.priceUsd, status: table.status };
}
