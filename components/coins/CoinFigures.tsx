import { Change } from "@/components/ticker/Change";
import { formatChangePct, formatCompactUsd, formatPrice, formatShare, formatUtcDay } from "@/lib/market/format";
import type { CoinFiguresShown } from "@/lib/pages/coins";

const supplyFormat = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });
const amount = (value: number | null, format: (value: number) => string) => (value === null ? "n/a" : format(value));

/** A coin's figures as a description list: changes, size, supply and its extremes. */
export function CoinFigures({ coin }: { coin: CoinFiguresShown }) {
  const { supply } = coin;
  const share = supply.max && supply.circulating !== null ? ` (${formatShare((supply.circulating / supply.max) * 100)} of max)` : "";
  const distance = (price: number) => formatChangePct((coin.priceUsd / price - 1) * 100);
  const extreme = (point: CoinFiguresShown["allTimeHigh"]) =>
    point ? `${formatPrice(point.priceUsd)} on ${formatUtcDay(point.at)} (${distance(point.priceUsd)} from it)` : "n/a";
  const figures: [term: string, value: React.ReactNode][] = [
    ["7 days", <Change value={coin.changePct.d7} over="7 days" />],
    ["30 days", <Change value={coin.changePct.d30} over="30 days" />],
    ["1 year", <Change value={coin.changePct.y1} over="1 year" />],
    ["Market cap", `${amount(coin.marketCapUsd, formatCompactUsd)}${coin.rank ? `, rank ${coin.rank}` : ""}`],
    ["Fully diluted valuation", amount(coin.fullyDilutedValuationUsd, formatCompactUsd)],
    ["24h volume", amount(coin.volume24hUsd, formatCompactUsd)],
    ["24h high / low", `${amount(coin.high24hUsd, formatPrice)} / ${amount(coin.low24hUsd, formatPrice)}`],
    ["Circulating supply", `${amount(supply.circulating, supplyFormat.format)}${share}`],
    ["Total / max supply", `${amount(supply.total, supplyFormat.format)} / ${supply.max === null ? "no maximum" : supplyFormat.format(supply.max)}`],
    ["All-time high", extreme(coin.allTimeHigh)],
    ["All-time low", extreme(coin.allTimeLow)],
  ];
  return (
    <dl className="coin-figures">
      {figures.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
