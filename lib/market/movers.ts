import type { MarketRow } from "./coin-schema";

/** Gainers and losers of the day shown above the market table. */
const MOVERS = 5;

/** The day's biggest gainers and losers among the rows, by 24-hour change, biggest first. */
export function marketMovers(rows: MarketRow[]) {
  const byChange = rows.filter((row) => row.changePct.h24 !== null).sort((a, b) => b.changePct.h24! - a.changePct.h24!);
  return {
    gainers: byChange.slice(0, MOVERS).filter((row) => row.changePct.h24! > 0),
    losers: byChange.slice(-MOVERS).reverse().filter((row) => row.changePct.h24! < 0),
  };
}
