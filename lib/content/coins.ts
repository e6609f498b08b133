import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import { knownCoin, knownCoins } from "../market/known-coins";
import { cashtagCoins } from "./cashtags";
import type { Tag } from "./types";

const ids = knownCoins.map((coin) => coin.id);

// Lowercased name, symbol or id → id; an id wins over another coin's symbol or name, a symbol over a name.
const coinByWord = new Map([
  ...knownCoins.map((coin) => [coin.name.toLowerCase(), coin.id] as const),
  ...knownCoins.map((coin) => [coin.symbol.toLowerCase(), coin.id] as const),
  ...knownCoins.map((coin) => [coin.id, coin.id] as const),
]);

/** The id an editor probably meant: the coin they named ("BTC", "Bitcoin"), or an id a typo or two away. */
function meantCoin(input: string): string | undefined {
  const word = input.toLowerCase();
  const named = coinByWord.get(word);
  if (named) return named;
  const near = closest(word, ids);
  return distance(word, near) <= Math.min(3, Math.floor(word.length / 2)) ? near : undefined;
}

/** A coin in frontmatter: a CoinGecko id the site knows (lib/market/known-coins.json). */
export const coinIdSchema = z.string().refine((id) => knownCoin(id) !== undefined, {
  error: (issue) => {
    const input = String(issue.input);
    const meant = meantCoin(input);
    const source = "a CoinGecko id from lib/market/known-coins.json";
    return `"${input}" is not a coin the site knows; ${meant ? `did you mean "${meant}"? Use ${source}` : `use ${source}`}`;
  },
});

/**
 * The coins a story names (ids, each once): its frontmatter's `coins`, then its tags that are a coin's
 * name, symbol or id in any case ("Bitcoin", "BTC"), then its cashtags (`$ETH`) in the body's text.
 */
export function coinsNamed(frontmatter: readonly string[], tags: readonly Tag[], text: string): string[] {
  const fromTags = tags.flatMap((tag) => coinByWord.get(tag.name.toLowerCase()) ?? []);
  return [...new Set([...frontmatter, ...fromTags, ...cashtagCoins(text)])];
}
