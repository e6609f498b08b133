import { WORD_PATTERN, normalizeTerm } from "./normalize";

/** Text split into plain and matched runs; rendered as React text and <mark>, never as HTML. */
export type Segment = { text: string; match: boolean };

/** Marks the words of `text` whose normalised form is one the search matched. */
export function highlight(text: string, matchedTerms: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const found of text.matchAll(WORD_PATTERN)) {
    if (!matchedTerms.has(normalizeTerm(found[0]))) continue;
    if (found.index > last) segments.push({ text: text.slice(last, found.index), match: false });
    segments.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
