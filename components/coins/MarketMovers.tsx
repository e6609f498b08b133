import { Change } from "@/components/ticker/Change";
import type { MarketRow } from "@/lib/market/coin-schema";
import { formatPrice } from "@/lib/market/format";
import type { PartStatus } from "@/lib/market/schema";
import { CoinName } from "./CoinName";
import { FiguresMoment } from "./FiguresMoment";

type Props = { title: string; id: string; coins: MarketRow[]; none: string; status: PartStatus };

/** The day's biggest risers or fallers among the top 100, in the order given. */
export function MarketMovers({ title, id, coins, none, status }: Props) {
  return (
    <section className="market-block" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {coins.length > 0 ? (
        <ol className="market-movers">
          {coins.map((coin) => (
            <li key={coin.id}>
              <span className="market-movers__name">
                <CoinName coin={coin} />
              </span>
              <span className="market-movers__price">{formatPrice(coin.priceUsd)}</span>
              <Change value={coin.changePct.h24} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{none}</p>
      )}
      <FiguresMoment status={status} />
    </section>
  );
}
