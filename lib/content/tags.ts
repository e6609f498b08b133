import slugify from "slugify";

/**
 * A readable ASCII slug for any tag text: "Türkiye" and "turkiye" share `turkiye`,
 * "Layer 2 / Rollups" becomes `layer-2-rollups`. Empty when nothing usable is left.
 */
export function tagSlug(name: string): string {
  // Punctuation separates words ("U.S." → u-s); symbols slugify can spell ("&" → and) are kept for it.
  const words = name.normalize("NFKC").replace(/[^\p{L}\p{N}&$%+|]+/gu, " ");
  return slugify(words, { lower: true, strict: true, trim: true });
}
