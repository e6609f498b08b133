import { z } from "zod";
import registry from "./known-coins.json";

/**
 * The coins the site knows without asking an upstream: CoinGecko's top 100 by market cap when the bundled
 * snapshot was recorded (ids, symbols and names as CoinGecko gives them). Stories may name these in
 * frontmatter (`coins: [bitcoin]`) and as cashtags (`$BTC`); each has a page at /coins/<id>.
 */
export const COIN_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const knownCoinSchema = z.object({
  id: z.string().regex(COIN_ID_PATTERN).max(80),
  symbol: z.string().regex(/^[A-Z0-9]{2,10}$/),
  name: z.string().min(1).max(60),
});
export type KnownCoin = z.infer<typeof knownCoinSchema>;

export const knownCoins: readonly KnownCoin[] = z
  .array(knownCoinSchema)
  .min(1)
  .refine((coins) => new Set(coins.map((coin) => coin.symbol)).size === coins.length, { error: "two known coins share a symbol" })
  .parse(registry);

const byId = new Map(knownCoins.map((coin) => [coin.id, coin]));
const bySymbol = new Map(knownCoins.map((coin) => [coin.symbol, coin]));

export const knownCoin = (id: string): KnownCoin | undefined => byId.get(id);

/** `BTC` → Bitcoin; cashtags are written in capitals, so only capitals match. */
export const coinBySymbol = (symbol: string): KnownCoin | undefined => bySymbol.get(symbol);
