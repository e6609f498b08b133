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
  return (
    <dl className="coin-figures">
      <div>
        <dt>7 days</dt>
        <dd>
          <Change value={coin.changePct.d7} over="7 days" />
        </dd>
      </div>
      <div>
        <dt>30 days</dt>
        <dd>
          <Change value={coin.changePct.d30} over="30 days" />
        </dd>
      </div>
      <div>
        <dt>1 year</dt>
        <dd>
          <Change value={coin.changePct.y1} over="1 year" />
        </dd>
      </div>
      <div>
        <dt>Market cap</dt>
        <dd>{amount(coin.marketCapUsd, formatCompactUsd)}{coin.rank ? `, rank ${coin.rank}` : ""}</dd>
      </div>
      <div>
        <dt>Fully diluted valuation</dt>
        <dd>{amount(coin.fullyDilutedValuationUsd, formatCompactUsd)}</dd>
      </div>
      <div>
        <dt>24h volume</dt>
        <dd>{amount(coin.volume24hUsd, formatCompactUsd)}</dd>
      </div>
      <div>
        <dt>24h high / low</dt>
        <dd>
          {amount(coin.high24hUsd, formatPrice)} / {amount(coin.low24hUsd, formatPrice)}
        </dd>
      </div>
      <div>
        <dt>Circulating supply</dt>
        <dd>
          {amount(supply.circulating, supplyFormat.format)}
          {share}
        </dd>
      </div>
      <div>
        <dt>Total / max supply</dt>
        <dd>
          {amount(supply.total, supplyFormat.format)} / {supply.max === null ? "no maximum" : supplyFormat.format(supply.max)}
        </dd>
      </div>
      <div>
        <dt>All-time high</dt>
        <dd>
          {coin.allTimeHigh ? `${formatPrice(coin.allTimeHigh.priceUsd)} on ${formatUtcDay(coin.allTimeHigh.at)} (${distance(coin.allTimeHigh.priceUsd)} from it)` : "n/a"}
        </dd>
      </div>
      <div>
        <dt>All-time low</dt>
        <dd>
          {coin.allTimeLow ? `${formatPrice(coin.allTimeLow.priceUsd)} on ${formatUtcDay(coin.allTimeLow.at)} (${distance(coin.allTimeLow.priceUsd)} from it)` : "n/a"}
        </dd>
      </div>
    </dl>
  );
}
