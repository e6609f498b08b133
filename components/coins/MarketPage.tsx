import { Stylesheets } from "@/components/html/Stylesheets";
import type { MarketPage as MarketPageData } from "@/lib/pages/coins";
import { FearGreedMonth } from "./FearGreedMonth";
import { GlobalFigures } from "./GlobalFigures";
import { MarketMovers } from "./MarketMovers";
import { MarketTable } from "./MarketTable";

/** /coins: the whole market, the mood, the day's movers and the top 100; all server-rendered, no script of its own. */
export function MarketPage({ data }: { data: MarketPageData }) {
  const { table, global, fearGreed, gainers, losers } = data;
  return (
    <div className="market">
      <Stylesheets sheets={["market"]} />
      <header className="listing__header">
        <h1>Crypto market</h1>
        <p className="listing__description">The 100 largest coins by market cap, the whole market and its mood, in US dollars.</p>
      </header>
      <div className="market__overview">
        <GlobalFigures global={global.value} status={global.status} />
        <FearGreedMonth days={fearGreed.value} status={fearGreed.status} />
        <MarketMovers title="Biggest gainers (24h)" id="market-gainers-title" coins={gainers} none="No coin in the top 100 rose." status={table.status} />
        <MarketMovers title="Biggest losers (24h)" id="market-losers-title" coins={losers} none="No coin in the top 100 fell." status={table.status} />
      </div>
      <MarketTable rows={table.value} status={table.status} />
    </div>
  );
}
