import { z } from "zod";
import { fearGreedDaySchema, marketRowSchema } from "./coin-schema";
import recorded from "./snapshot-coins.json";

/**
 * The market table and Fear & Greed's last 30 days as recorded with the ticker's snapshot (1 March 2024,
 * 12:00 UTC; made from tests/fixtures/market/ by CoinGecko's own parser): what /coins and the coin pages
 * show offline, labelled as the snapshot.
 */
export const coinsSnapshot = z
  .object({
    recordedAt: z.iso.datetime(),
    table: z.array(marketRowSchema).min(1),
    fearGreedHistory: z.array(fearGreedDaySchema).min(1),
  })
  .parse(recorded);
