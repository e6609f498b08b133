import "server-only";
import { z } from "zod";
import { UpstreamError, fetchJson } from "../http";
import type { CoinQuote, GlobalFigures } from "../schema";
import { compactSparkline } from "../sparkline";
import { validEntries, validate } from "../validate";

export type CoinGeckoConfig = { baseUrl: string; apiKey?: string; coinIds: string[]; timeoutMs: number };

const percent = z.number().finite();

// Only the fields the site uses; any of them missing, null where a number is needed, or out of range fails.
const marketCoinSchema = z.object({
  id: z.string().min(1),
  symbol: z.string().min(1).max(20),
  name: z.string().min(1).max(60),
  current_price: z.number().positive(),
  price_change_percentage_24h: percent.nullable(),
  market_cap_change_percentage_24h: percent.nullable().optional(),
  sparkline_in_7d: z.object({ price: z.array(z.number().nonnegative()) }).nullish(),
});

const globalSchema = z.object({
  data: z.object({
    total_market_cap: z.object({ usd: z.number().positive() }),
    total_volume: z.object({ usd: z.number().finite().nonnegative().nullish() }).nullish(),
    market_cap_percentage: z.object({ btc: z.number().min(0).max(100), eth: z.number().min(0).max(100).nullish() }),
    market_cap_change_percentage_24h_usd: percent,
  }),
});

export function coingeckoHeaders(config: Pick<CoinGeckoConfig, "apiKey">): Record<string, string> {
  // The demo key goes in a header, never the query string, which ends up in logs.
  return config.apiKey ? { "x-cg-demo-api-key": config.apiKey } : {};
}

/** Price, 24h change and 7-day sparkline of the configured coins. */
export async function fetchCoins(config: CoinGeckoConfig, log: (message: string) => void): Promise<CoinQuote[]> {
  const query = new URLSearchParams({
    vs_currency: "usd",
    ids: config.coinIds.join(","),
    order: "market_cap_desc",
    sparkline: "true",
    price_change_percentage: "24h",
  });
  const body = await fetchJson(`${config.baseUrl}/coins/markets?${query}`, { timeoutMs: config.timeoutMs, headers: coingeckoHeaders(config) });
  return parseCoins(body, config.coinIds, log);
}

/** One bad coin is dropped (and logged), not the lot; without a valid Bitcoin the answer fails. */
export function parseCoins(body: unknown, coinIds: string[], log: (message: string) => void): CoinQuote[] {
  const entries = validate(z.array(z.unknown()), body, "CoinGecko /coins/markets");
  const coins: CoinQuote[] = validEntries(marketCoinSchema, entries, "CoinGecko /coins/markets", log).map((coin) => ({
    id: coin.id,
    symbol: coin.symbol.toUpperCase(),
    name: coin.name,
    priceUsd: coin.current_price,
    change24hPct: coin.price_change_percentage_24h,
    marketCapChange24hPct: coin.market_cap_change_percentage_24h ?? null,
    sparkline7d: compactSparkline(coin.sparkline_in_7d?.price ?? []),
  }));
  if (!coins.some((coin) => coin.id === "bitcoin")) throw new UpstreamError("CoinGecko /coins/markets: no valid Bitcoin quote");
  // In the configured order, whatever order the upstream used.
  return coinIds.flatMap((id) => coins.find((coin) => coin.id === id) ?? []);
}

/** Total market cap with its 24h change, 24h volume, and BTC's and ETH's dominance. */
export async function fetchGlobal(config: CoinGeckoConfig): Promise<GlobalFigures> {
  return parseGlobal(await fetchJson(`${config.baseUrl}/global`, { timeoutMs: config.timeoutMs, headers: coingeckoHeaders(config) }));
}

export function parseGlobal(body: unknown): GlobalFigures {
  const { data } = validate(globalSchema, body, "CoinGecko /global");
  return {
    totalMarketCapUsd: data.total_market_cap.usd,
    marketCapChange24hPct: data.market_cap_change_percentage_24h_usd,
    btcDominancePct: data.market_cap_percentage.btc,
    ethDominancePct: data.market_cap_percentage.eth ?? null,
    totalVolumeUsd: data.total_volume?.usd ?? null,
  };
}
