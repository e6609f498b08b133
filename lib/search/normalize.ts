/** Lowercase, without accents: "Türkiye" and "turkiye" are one term, in the index and in queries. */
export function normalizeTerm(term: string): string {
  // Most words are plain ASCII: lowercasing is all they need, and indexing thousands of posts runs this per word.
  if (/^[\x00-\x7f]*$/.test(term)) return term.toLowerCase();
  return term.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** Words too common to tell stories apart; leaving them out keeps the index small and queries fast. */
const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the this to was were will with".split(" "),
);

/** A word as the index stores it (and a query looks it up): normalised, or null for a stop word. */
export function indexTerm(term: string): string | null {
  const normalized = normalizeTerm(term);
  return STOP_WORDS.has(normalized) ? null : normalized;
}

/** Words as search sees them: letters and digits, split at anything else. */
export const WORD_PATTERN = /[\p{L}\p{N}]+/gu;
export const tokenize = (text: string): string[] => text.match(WORD_PATTERN) ?? [];

export const MAX_QUERY_LENGTH = 200;

/** A query as typed, made safe to use: control characters gone, spaces folded, length capped. */
export function cleanQuery(raw: string): string {
  return raw
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}
