import { Change } from "@/components/ticker/Change";
import { formatCompactUsd, formatShare } from "@/lib/market/format";
import type { GlobalStats, PartStatus } from "@/lib/market/schema";
import { FiguresMoment } from "./FiguresMoment";

/** The whole market's figures; the volume's change is known once the site has seen a day of them (n/a before). */
export function GlobalFigures({ global, status }: { global: GlobalStats; status: PartStatus }) {
  return (
    <section className="market-block" aria-labelledby="market-global-title">
      <h2 id="market-global-title">Global market</h2>
      <dl className="market-figures">
        <div>
          <dt>Market cap</dt>
          <dd>
            {formatCompactUsd(global.totalMarketCapUsd)} <Change value={global.marketCapChange24hPct} />
          </dd>
        </div>
        <div>
          <dt>Volume (24h)</dt>
          <dd>
            {global.totalVolumeUsd === null ? "n/a" : formatCompactUsd(global.totalVolumeUsd)} <Change value={global.totalVolumeChange24hPct} />
          </dd>
        </div>
        <div>
          <dt>BTC dominance</dt>
          <dd>
            {formatShare(global.btcDominancePct)} <Change value={global.btcDominanceChange24hPts} unit="points" />
          </dd>
        </div>
        <div>
          <dt>ETH dominance</dt>
          <dd>{global.ethDominancePct === null ? "n/a" : formatShare(global.ethDominancePct)}</dd>
        </div>
      </dl>
      <FiguresMoment status={status} />
    </section>
  );
}
