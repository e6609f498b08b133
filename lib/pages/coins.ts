import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { siteConfig } from "../config";
import { getLibrary } from "../content/store";
import { type ChartRange, type CoinDetail, type MarketRow, chartRangeSchema } from "../market/coin-schema";
import { coinMarket, market, tickerCoinIds } from "../market";
import { parseAmount } from "../market/convert";
import { marketMovers } from "../market/movers";
import { COIN_ID_PATTERN, knownCoin, knownCoins } from "../market/known-coins";
import { MARKETS_PATH, coinPath } from "../market/coin-path";
import { type FeedSpec, renderRss } from "../seo/feeds";
import { coinJsonLd } from "../seo/json-ld";
import { coinPageMetadata, marketPageMetadata } from "../seo/metadata";
import { xmlResponse } from "../seo/xml";
import { listingCard } from "./listing";

/** The range a coin page shows when its address names none. */
export const DEFAULT_RANGE: ChartRange = "7d";
/** A coin page's latest stories; its feed has more. */
const NEWS_SHOWN = 12;

/** /coins: the table, the global figures, Fear & Greed's month, and the day's biggest movers. */
export async function loadMarketPage() {
  const [table, ticker, fearGreed] = await Promise.all([coinMarket.marketTable(), market.get(), coinMarket.fearGreedHistory()]);
  return { table, global: { value: ticker.global, status: ticker.parts.global }, fearGreed, ...marketMovers(table.value) };
}

export type MarketPage = Awaited<ReturnType<typeof loadMarketPage>>;

/**
 * A coin page's id, checked before any upstream call: the shape of a CoinGecko id, and a coin the site knows
 * (the bundled list, the ticker's, or today's top 100). Anything else is a 404.
 */
function checkedCoinId(id: string): string {
  if (!COIN_ID_PATTERN.test(id) || id.length > 80) notFound();
  if (!isCoinShown(id)) notFound();
  return id;
}

/** A coin with a page: one the site knows, the ticker shows, or in the table this server holds (no upstream call). */
const isCoinShown = (id: string) => knownCoin(id) !== undefined || tickerCoinIds.includes(id) || heldCoin(id) !== undefined;

/** A coin's name and symbol from the site's list, or else from the table this server holds. */
const heldCoin = (id: string) => knownCoin(id) ?? coinMarket.heldTable().find((row) => row.id === id);

type SearchParams = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A coin's page: figures, the chosen range's chart, the converter's answer, and the stories naming it. */
export async function loadCoinPage(rawId: string, searchParams: SearchParams) {
  const id = checkedCoinId(rawId);
  const range = chartRangeSchema.safeParse(single(searchParams.range)).data ?? DEFAULT_RANGE;
  // The converter's GET form: an amount of the coin or of dollars; anything else leaves it at its default.
  const converter = { amount: parseAmount(single(searchParams.amount)?.slice(0, 40) ?? ""), from: single(searchParams.from) === "usd" ? ("usd" as const) : ("coin" as const) };
  const [figures, history] = await Promise.all([coinMarket.coin(id), coinMarket.history(id, range)]);
  if (figures === "not-found") notFound();
  const known = heldCoin(id);
  const name = figures?.value.name ?? known?.name ?? id;
  const symbol = figures?.value.symbol ?? known?.symbol ?? id.toUpperCase();
  return {
    id,
    name,
    symbol,
    figures,
    range,
    history,
    converter,
    // Feeds are built for the coins stories can name.
    feedPath: knownCoin(id) ? `${coinPath(id)}/feed.xml` : undefined,
    news: getLibrary().postsNamingCoin(id).slice(0, NEWS_SHOWN).map((post) => listingCard(getLibrary(), post)),
    structuredData: coinJsonLd({ name, path: coinPath(id) }, MARKETS_PATH),
  };
}

export type CoinPage = Awaited<ReturnType<typeof loadCoinPage>>;
export type CoinFiguresShown = CoinDetail | MarketRow;

export function marketMetadata(): Metadata {
  return marketPageMetadata(MARKETS_PATH);
}

export function coinMetadata(id: string): Metadata {
  const coin = COIN_ID_PATTERN.test(id) ? heldCoin(id) : undefined;
  return coin ? coinPageMetadata({ ...coin, path: coinPath(id), hasFeed: knownCoin(id) !== undefined }) : {};
}

/** A news feed for every coin the site knows. */
export const coinFeedParams = () => knownCoins.map((coin) => ({ id: coin.id }));

/** /coins/<id>/feed.xml: the stories naming the coin, newest first. */
export function coinRssResponse(id: string): Response {
  const coin = knownCoin(id);
  if (!coin) return new Response("Not found", { status: 404 });
  const feed: FeedSpec = {
    title: `${siteConfig.name}: ${coin.name} news`,
    description: `${siteConfig.name}'s stories about ${coin.name} (${coin.symbol}).`,
    homePath: coinPath(id),
    feedPath: `${coinPath(id)}/feed.xml`,
    posts: getLibrary().postsNamingCoin(id),
  };
  return xmlResponse(renderRss(getLibrary(), feed), "application/rss+xml");
}
