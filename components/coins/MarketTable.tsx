import { ServerHtml } from "@/components/html/ServerHtml";
import type { MarketRow } from "@/lib/market/coin-schema";
import type { PartStatus } from "@/lib/market/schema";
import { FiguresMoment } from "./FiguresMoment";
import { marketRowsHtml } from "./market-rows-html";

/** A short heading shown, and its long form read out. */
function Heading({ short, long }: { short: string; long: string }) {
  return (
    <th scope="col">
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{long}</span>
    </th>
  );
}

/** The top 100 as one server-rendered table, in a focusable box that scrolls sideways where the screen is narrow. */
export function MarketTable({ rows, status }: { rows: MarketRow[]; status: PartStatus }) {
  return (
    <section className="market-block market-block--table" aria-labelledby="market-table-title">
      <h2 id="market-table-title">Top {rows.length} coins by market cap</h2>
      <FiguresMoment status={status} />
      <div className="market-table" role="region" aria-label="Top coins table, scrolls sideways" tabIndex={0}>
        <table>
          <caption className="visually-hidden">Top {rows.length} coins by market cap, in US dollars</caption>
          <thead>
            <tr>
              <Heading short="#" long="Rank" />
              <th scope="col" className="market-table__coin">
                Coin
              </th>
              <th scope="col">Price</th>
              <Heading short="1h" long="Change, 1 hour" />
              <Heading short="24h" long="Change, 24 hours" />
              <Heading short="7d" long="Change, 7 days" />
              <th scope="col">Market cap</th>
              <th scope="col">Volume (24h)</th>
              <th scope="col">Last 7 days</th>
            </tr>
          </thead>
          <ServerHtml as="tbody" html={marketRowsHtml(rows)} />
        </table>
      </div>
    </section>
  );
}
