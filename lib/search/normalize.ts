/** Lowercase, without accents: "Türkiye" and "turkiye" are one term, in the index and in queries. */
export function normalizeTerm(text: string): string {
  // Most text is plain ASCII: lowercasing is all it needs, and indexing thousands of posts runs this on every one.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** Words too common to tell stories apart; leaving them out keeps the index small and queries fast. */
const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the this to was were will with".split(" "),
);

// Longer words skip the set lookup, which would hash each of them.
const STOP_WORD_MAX_LENGTH = Math.max(...[...STOP_WORDS].map((word) => word.length));

/** Words as search sees them: letters and digits, split at anything else. */
export const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

/**
 * The words of a text as the index stores them and a query looks them up: normalised, stop words left
 * out. The whole text is normalised at once, not word by word: an index of thousands of posts is millions of words.
 */
export function indexTerms(text: string): string[] {
  return (normalizeTerm(text).match(WORD_PATTERN) ?? []).filter((term) => term.length > STOP_WORD_MAX_LENGTH || !STOP_WORDS.has(term));
}

export const MAX_QUERY_LENGTH = 200;

/**
 * A query as typed, made safe to use: invisible format characters (soft hyphens, zero-width spaces,
 * direction marks) removed, so "bit\u00ADcoin" stays one word; control characters as spaces; spaces
 * folded; length capped.
 */
export function cleanQuery(raw: string): string {
  return raw
    .replace(/\p{Cf}/gu, "")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}
