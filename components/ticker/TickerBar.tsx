"use client";

import { useState } from "react";
import useSWR from "swr";
import { coinPath } from "@/lib/market/coin-path";
import type { TickerData } from "@/lib/market/schema";
import { figuresMoment, formatAge, formatCompactUsd, formatPrice, formatShare } from "@/lib/market/format";
import { Change } from "./Change";
import { Sparkline } from "./Sparkline";

type Props = { initialData: TickerData; refreshMs: number };

async function fetchMarket(url: string): Promise<TickerData> {
  // Never from the browser's own cache: the label below says "Live" only of what was just fetched.
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`market data: HTTP ${response.status}`);
  const data = (await response.json()) as TickerData;
  if (!Array.isArray(data?.coins) || typeof data.global?.totalMarketCapUsd !== "number") throw new Error("market data: bad shape");
  // A CDN's copy is older than the site said when it answered: by its Age. Such figures are not called live.
  const cachedFor = Number(response.headers.get("age")) || 0;
  if (cachedFor <= 0) return data;
  return { ...data, ageSeconds: data.ageSeconds + cachedFor, stale: true, source: data.source === "live" ? "cache" : data.source };
}

/**
 * The market bar, server-rendered with the page and refreshed here by swr: paused while the tab is
 * hidden, revalidated on focus, and keeping the last good data when a refresh fails.
 */
export function TickerBar({ initialData, refreshMs }: Props) {
  const [fetched, setFetched] = useState(false);
  const { data = initialData } = useSWR("/api/market", fetchMarket, {
    fallbackData: initialData,
    onSuccess: () => setFetched(true),
    refreshInterval: refreshMs,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    revalidateOnMount: true,
    keepPreviousData: true,
  });
  const [bitcoin, ...others] = data.coins;
  const { global, fearGreed } = data;

  return (
    <section className="ticker" aria-label="Market ticker">
      {/* Focusable, so keyboard users can scroll the figures that do not fit. */}
      <ul className="ticker__items" tabIndex={0} aria-label="Prices and indices">
        {bitcoin && (
          <li className="ticker__item">
            <a className="ticker__label" href={coinPath(bitcoin.id)} title={bitcoin.name}>
              {bitcoin.symbol}
            </a>
            <span className="ticker__value ticker__value--price">{formatPrice(bitcoin.priceUsd)}</span>
            <Change value={bitcoin.change24hPct} />
          </li>
        )}
        <li className="ticker__item">
          <span className="ticker__label">BTC dominance</span>
          <span className="ticker__value ticker__value--share">{formatShare(global.btcDominancePct)}</span>
          <Change value={global.btcDominanceChange24hPts} unit="points" />
        </li>
        <li className="ticker__item">
          <span className="ticker__label">Market cap</span>
          <span className="ticker__value ticker__value--cap">{formatCompactUsd(global.totalMarketCapUsd)}</span>
          <Change value={global.marketCapChange24hPct} />
        </li>
        {fearGreed && (
          <li className="ticker__item">
            <span className="ticker__label">Fear &amp; Greed</span>
            <span className="ticker__value ticker__value--index">{`${fearGreed.value}/100`}</span>
            <span className="ticker__note">{fearGreed.classification}</span>
          </li>
        )}
        {others.map((coin) => (
          <li className="ticker__item" key={coin.id}>
            <a className="ticker__label" href={coinPath(coin.id)} title={coin.name}>
              {coin.symbol}
            </a>
            <span className="ticker__value ticker__value--price">{formatPrice(coin.priceUsd)}</span>
            <Change value={coin.change24hPct} />
            <Sparkline points={coin.sparkline7d} />
          </li>
        ))}
      </ul>
      <p className="ticker__status">
        <span className="ticker__state">
          <TickerState data={data} fetched={fetched} />
        </span>
      </p>
    </section>
  );
}

/**
 * When the figures are from. Only figures this browser has just fetched are called live, or given their age;
 * figures that came with the page (its HTML may be served long after it was rendered, and read without
 * JavaScript) carry the moment they are from, which stays true.
 */
function TickerState({ data, fetched }: { data: TickerData; fetched: boolean }) {
  // Every state in the same box from the same starting point, so a change of state moves nothing on the page.
  const state = (text: string, delayed: boolean) => <span className={delayed ? "ticker__delayed" : undefined}>{text}</span>;
  if (fetched) return state(data.stale ? `${data.source === "snapshot" ? "Snapshot" : "Delayed"}, ${formatAge(data.ageSeconds)} old` : "Live", data.stale);
  const { lead, when } = figuresMoment(data.source === "snapshot", data.updatedAt);
  return state(`${lead}${when}`, data.source === "snapshot" || data.stale);
}
