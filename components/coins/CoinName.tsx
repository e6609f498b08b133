import type { MarketRow } from "@/lib/market/coin-schema";
import { coinPath } from "@/lib/market/coin-path";

/** A coin's name, linked to its page, with its symbol after it. */
export function CoinName({ coin }: { coin: Pick<MarketRow, "id" | "name" | "symbol"> }) {
  return (
    <>
      <a href={coinPath(coin.id)}>{coin.name}</a> <span className="market-symbol">{coin.symbol}</span>
    </>
  );
}
