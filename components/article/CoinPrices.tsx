import { formatChangePct, formatPrice, formatUtcDay, formatUtcMoment } from "@/lib/market/format";
import { coinPath } from "@/lib/market/coin-path";
import type { CoinPriceLine } from "@/lib/pages/article";

/**
 * "BTC was $63,988 when this story was published (at 1 Mar 2024, 11:03 UTC); it is $91,200 now (+42.53%), as of
 * 1 Dec, 14:05 UTC." The
 * current figure always carries its moment (the page may be served long after it was rendered), and a price
 * at publication that cannot be known says so rather than guessing.
 */
export function CoinPrices({ lines }: { lines: CoinPriceLine[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="coin-prices" aria-label="Prices then and now">
      {lines.map(({ coin, then, now }) => (
        <li key={coin.id}>
          <a href={coinPath(coin.id)}>{coin.symbol}</a>
          {describeThen(then)}
          {now ? describeNow(now, then) : " Its current price is not available."}
        </li>
      ))}
    </ul>
  );
}

function describeThen(then: CoinPriceLine["then"]): string {
  // The price point's own time: the history has a point an hour (a day, for older stories).
  if (then.known) return ` was ${formatPrice(then.priceUsd)} when this story was published (at ${formatUtcMoment(then.pricedAt, { withYear: true })});`;
  return then.reason === "too-old"
    ? "'s price when this story was published is not known: the market data reaches back one year only."
    : "'s price when this story was published is not available yet.";
}

function describeNow(now: NonNullable<CoinPriceLine["now"]>, then: CoinPriceLine["then"]): string {
  // Against the offline snapshot (a moment long past), a change since publication would mean nothing.
  const change = then.known && now.status.source !== "snapshot" ? ` (${formatChangePct((now.priceUsd / then.priceUsd - 1) * 100)})` : "";
  const moment = now.status.source === "snapshot" ? `in the offline snapshot of ${formatUtcDay(now.status.updatedAt)}` : `as of ${formatUtcMoment(now.status.updatedAt)}`;
  return `${then.known ? " it is" : " It is"} ${formatPrice(now.priceUsd)} now${change}, ${moment}.`;
}
