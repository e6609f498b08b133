import { domainToASCII } from "node:url";
import slugify from "slugify";

/** Words, and the symbols that read as words ("&" and, "$" dollar, "+" plus). */
const WORDS = /[\p{L}\p{N}\p{M}]+|[&$%+|]/gu;

/** The ASCII form Unicode takes in domain names ("日本" is xn--wgv71a), or code points where it has none. */
function asciiForm(text: string): string {
  return domainToASCII(text) || [...text].map((character) => `u${character.codePointAt(0)!.toString(16)}`).join("-");
}

/**
 * A stable ASCII slug for any tag text, word by word: "Türkiye" and "turkiye" share `turkiye`,
 * "Layer 2 / Rollups" becomes `layer-2-rollups`, "C++" `c-plus-plus`. A word with no Latin spelling takes
 * its ASCII form ("比特币 ETF" is `xn--6stq12a27e-etf`), and so does a tag of symbols alone ("🚀" is `xn--158h`).
 */
export function tagSlug(name: string): string {
  const text = name.normalize("NFKC");
  const words = (text.match(WORDS) ?? []).map((word) =>
    word === "+" ? "plus" : slugify(word, { lower: true, strict: true }) || asciiForm(word),
  );
  if (words.length > 0) return words.join("-");
  const symbols = [...text].filter((character) => /\p{S}/u.test(character)).join("");
  return symbols && asciiForm(symbols);
}
