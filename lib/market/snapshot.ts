import { z } from "zod";
import { coinQuoteSchema, fearGreedSchema, globalFiguresSchema } from "./schema";
import { compactSparkline } from "./sparkline";
import recorded from "./snapshot.json";

/**
 * A recorded set of values (1 March 2024, 12:00 UTC) bundled with the site: the last resort when no
 * live answer has ever arrived, and all that `MARKET_PROVIDER=snapshot` serves. Validated like any
 * upstream answer, so an edit that breaks it fails loudly at start.
 */
export const snapshot = z
  .object({
    recordedAt: z.iso.datetime(),
    coins: z.array(coinQuoteSchema.transform((coin) => ({ ...coin, sparkline7d: compactSparkline(coin.sparkline7d) }))).min(1),
    global: globalFiguresSchema,
    fearGreed: fearGreedSchema,
  })
  .parse(recorded);
