/** At most this many points: the line is 64 pixels wide, and every point is bytes in every page and refresh. */
const MAX_POINTS = 48;

/**
 * A 7-day price series as the ticker draws it: evenly thinned to at most 48 points, the first and the last
 * kept, each to five significant figures (a pixel of the line is a twentieth of its height).
 */
export function compactSparkline(prices: readonly number[]): number[] {
  const step = (prices.length - 1) / (MAX_POINTS - 1);
  const kept = prices.length <= MAX_POINTS ? prices : Array.from({ length: MAX_POINTS }, (_, index) => prices[Math.round(index * step)]!);
  return kept.map((price) => Number(price.toPrecision(5)));
}
