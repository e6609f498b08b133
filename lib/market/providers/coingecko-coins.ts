import "server-only";
import { z } from "zod";
import type { CoinDetail, MarketRow, PricePoint } from "../coin-schema";
import { UpstreamError, fetchJson } from "../http";
import { COIN_ID_PATTERN } from "../known-coins";
import { compactSparkline } from "../sparkline";
import { validEntries, validate } from "../validate";
import { type CoinGeckoConfig, coingeckoHeaders } from "./coingecko";

/** CoinGecko's coin-page endpoints: the top-100 table, one coin, and its price history (reference section 4). */
export type CoinGeckoCoinsConfig = Omit<CoinGeckoConfig, "coinIds">;

// The SDK types every number as nullable: a missing figure is shown as unknown, never as 0.
const amount = z.number().finite().nonnegative().nullish().transform((value) => value ?? null);
const percent = z.number().finite().nullish().transform((value) => value ?? null);
const isoDate = z.iso.datetime({ offset: true }).nullish();

const extreme = (price: number | null | undefined, at: string | null | undefined) =>
  price && price > 0 && at ? { priceUsd: price, at: new Date(at).toISOString() } : null;

// Ids become links to the site's own pages: only the shape CoinGecko's ids have.
const coinId = z.string().regex(COIN_ID_PATTERN).max(80);

const rowSchema = z.object({
  id: coinId,
  symbol: z.string().min(1).max(20),
  name: z.string().min(1).max(80),
  market_cap_rank: z.number().int().positive().nullish(),
  current_price: z.number().positive(),
  market_cap: amount,
  fully_diluted_valuation: amount,
  total_volume: amount,
  high_24h: amount,
  low_24h: amount,
  circulating_supply: amount,
  total_supply: amount,
  max_supply: amount,
  ath: amount,
  ath_date: isoDate,
  atl: amount,
  atl_date: isoDate,
  last_updated: z.iso.datetime({ offset: true }),
  price_change_percentage_1h_in_currency: percent,
  price_change_percentage_24h_in_currency: percent,
  price_change_percentage_7d_in_currency: percent,
  price_change_percentage_30d_in_currency: percent,
  price_change_percentage_1y_in_currency: percent,
  sparkline_in_7d: z.object({ price: z.array(z.number().finite().nonnegative()) }).nullish(),
});

/** The 100 largest coins by market cap, in rank order, each with its 7-day sparkline. */
export async function fetchMarketTable(config: CoinGeckoCoinsConfig, log: (message: string) => void): Promise<MarketRow[]> {
  const query = new URLSearchParams({
    vs_currency: "usd",
    order: "market_cap_desc",
    per_page: "100",
    page: "1",
    sparkline: "true",
    price_change_percentage: "1h,24h,7d,30d,1y",
  });
  const body = await fetchJson(`${config.baseUrl}/coins/markets?${query}`, { timeoutMs: config.timeoutMs, headers: coingeckoHeaders(config) });
  return parseMarketTable(body, log);
}

/** One bad row is dropped (and logged), not the table; an answer with no good row fails. */
export function parseMarketTable(body: unknown, log: (message: string) => void): MarketRow[] {
  const what = "CoinGecko /coins/markets (table)";
  const entries = validate(z.array(z.unknown()).max(250), body, what);
  const rows: MarketRow[] = validEntries(rowSchema, entries, what, log).map((row) => ({
    id: row.id,
    symbol: row.symbol.toUpperCase(),
    name: row.name,
    rank: row.market_cap_rank ?? null,
    priceUsd: row.current_price,
    changePct: {
      h1: row.price_change_percentage_1h_in_currency,
      h24: row.price_change_percentage_24h_in_currency,
      d7: row.price_change_percentage_7d_in_currency,
      d30: row.price_change_percentage_30d_in_currency,
      y1: row.price_change_percentage_1y_in_currency,
    },
    marketCapUsd: row.market_cap,
    fullyDilutedValuationUsd: row.fully_diluted_valuation,
    volume24hUsd: row.total_volume,
    high24hUsd: row.high_24h,
    low24hUsd: row.low_24h,
    supply: { circulating: row.circulating_supply, total: row.total_supply, max: row.max_supply },
    allTimeHigh: extreme(row.ath, row.ath_date),
    allTimeLow: extreme(row.atl, row.atl_date),
    updatedAt: new Date(row.last_updated).toISOString(),
    sparkline7d: compactSparkline(row.sparkline_in_7d?.price ?? []),
  }));
  if (rows.length === 0) throw new UpstreamError(`${what}: no valid row`);
  return rows;
}

// `/coins/{id}`'s market_data: amounts keyed by quote currency (only `usd` is read); a new coin's may be `{}`.
const inUsd = z.object({ usd: z.number().finite().nonnegative().nullish() }).nullish().transform((value) => value?.usd ?? null);
const percentInUsd = z.object({ usd: z.number().finite().nullish() }).nullish().transform((value) => value?.usd ?? null);
const dateInUsd = z.object({ usd: z.iso.datetime({ offset: true }).nullish() }).nullish().transform((value) => value?.usd ?? null);

const detailSchema = z.object({
  id: coinId,
  symbol: z.string().min(1).max(20),
  name: z.string().min(1).max(80),
  market_cap_rank: z.number().int().positive().nullish(),
  description: z.object({ en: z.string().max(100_000).nullish() }).nullish(),
  links: z.object({ homepage: z.array(z.string()).nullish() }).nullish(),
  last_updated: z.iso.datetime({ offset: true }).nullish(),
  market_data: z.object({
    current_price: z.object({ usd: z.number().positive() }),
    market_cap: inUsd,
    fully_diluted_valuation: inUsd,
    total_volume: inUsd,
    high_24h: inUsd,
    low_24h: inUsd,
    ath: inUsd,
    ath_date: dateInUsd,
    atl: inUsd,
    atl_date: dateInUsd,
    price_change_percentage_1h_in_currency: percentInUsd,
    price_change_percentage_24h_in_currency: percentInUsd,
    price_change_percentage_7d_in_currency: percentInUsd,
    price_change_percentage_30d_in_currency: percentInUsd,
    price_change_percentage_1y_in_currency: percentInUsd,
    circulating_supply: amount,
    total_supply: amount,
    max_supply: amount,
    last_updated: z.iso.datetime({ offset: true }).nullish(),
  }),
});

/** One coin's figures and description; undefined when CoinGecko does not know the id (its 404). */
export async function fetchCoinDetail(config: CoinGeckoCoinsConfig, id: string): Promise<CoinDetail | undefined> {
  const query = new URLSearchParams({
    localization: "false",
    tickers: "false",
    market_data: "true",
    community_data: "false",
    developer_data: "false",
    sparkline: "false",
  });
  try {
    const body = await fetchJson(`${config.baseUrl}/coins/${encodeURIComponent(id)}?${query}`, { timeoutMs: config.timeoutMs, headers: coingeckoHeaders(config) });
    return parseCoinDetail(body, id);
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 404) return undefined;
    throw error;
  }
}

export function parseCoinDetail(body: unknown, id: string): CoinDetail {
  const coin = validate(detailSchema, body, `CoinGecko /coins/${id}`);
  if (coin.id !== id) throw new UpstreamError(`CoinGecko /coins/${id}: answered for another coin`);
  const data = coin.market_data;
  const updatedAt = data.last_updated ?? coin.last_updated;
  if (!updatedAt) throw new UpstreamError(`CoinGecko /coins/${id}: no last_updated`);
  return {
    id: coin.id,
    symbol: coin.symbol.toUpperCase(),
    name: coin.name,
    rank: coin.market_cap_rank ?? null,
    priceUsd: data.current_price.usd,
    changePct: {
      h1: data.price_change_percentage_1h_in_currency,
      h24: data.price_change_percentage_24h_in_currency,
      d7: data.price_change_percentage_7d_in_currency,
      d30: data.price_change_percentage_30d_in_currency,
      y1: data.price_change_percentage_1y_in_currency,
    },
    marketCapUsd: data.market_cap,
    fullyDilutedValuationUsd: data.fully_diluted_valuation,
    volume24hUsd: data.total_volume,
    high24hUsd: data.high_24h,
    low24hUsd: data.low_24h,
    supply: { circulating: data.circulating_supply, total: data.total_supply, max: data.max_supply },
    allTimeHigh: extreme(data.ath, data.ath_date),
    allTimeLow: extreme(data.atl, data.atl_date),
    updatedAt: new Date(updatedAt).toISOString(),
    description: plainParagraphs(coin.description?.en ?? ""),
    homepage: coin.links?.homepage?.find((link) => /^https?:\/\/[^\s"<>]+$/i.test(link)) ?? null,
  };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };
/** Paragraphs of a description kept on a coin's page: a short introduction, not the upstream's essay. */
const MAX_PARAGRAPHS = 3;

/**
 * CoinGecko's description is HTML (links, `\r\n` breaks). The page shows its text only, so no markup of
 * the upstream's ever reaches a reader; React escapes what remains.
 */
export function plainParagraphs(html: string): string[] {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .split(/(?:\r?\n){2,}/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .slice(0, MAX_PARAGRAPHS);
}

const chartSchema = z.object({ prices: z.array(z.tuple([z.unknown(), z.unknown()]).rest(z.unknown())).max(20_000) });

/**
 * A coin's prices over the last `days` days (or "max"), oldest first. A point without a finite price or
 * time, or out of order, is dropped and logged: the chart draws the good ones, and fails under two.
 */
export async function fetchPriceHistory(
  config: CoinGeckoCoinsConfig,
  id: string,
  days: number | "max",
  log: (message: string) => void,
): Promise<PricePoint[]> {
  const query = new URLSearchParams({ vs_currency: "usd", days: String(days) });
  const body = await fetchJson(`${config.baseUrl}/coins/${encodeURIComponent(id)}/market_chart?${query}`, {
    timeoutMs: config.timeoutMs,
    headers: coingeckoHeaders(config),
  });
  return parsePriceHistory(body, `CoinGecko /coins/${id}/market_chart?days=${days}`, log);
}

export function parsePriceHistory(body: unknown, what: string, log: (message: string) => void): PricePoint[] {
  const { prices } = validate(chartSchema, body, what);
  const points: PricePoint[] = [];
  let dropped = 0;
  for (const [t, price] of prices) {
    const good = typeof t === "number" && Number.isInteger(t) && t > 0 && typeof price === "number" && Number.isFinite(price) && price > 0;
    // Out of order: kept out rather than drawn backwards.
    if (!good || (points.length > 0 && t <= points.at(-1)!.t)) dropped += 1;
    else points.push({ t, price });
  }
  if (dropped > 0) log(`${what}: dropped ${dropped} of ${prices.length} points (no price, or out of order)`);
  if (points.length < 2) throw new UpstreamError(`${what}: fewer than 2 good points`);
  return points;
}
