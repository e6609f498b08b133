export const SPARKLINE_WIDTH = 64;
export const SPARKLINE_HEIGHT = 20;

/** A 7-day line's polyline points and whether it ended higher; undefined under two points. */
export function sparklineGeometry(points: readonly number[]): { path: string; rising: boolean } | undefined {
  if (points.length < 2) return undefined;
  const low = Math.min(...points);
  const range = Math.max(...points) - low || 1;
  const path = points
    .map((value, index) => {
      const x = (index / (points.length - 1)) * SPARKLINE_WIDTH;
      const y = SPARKLINE_HEIGHT - 1 - ((value - low) / range) * (SPARKLINE_HEIGHT - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
  return { path, rising: points[points.length - 1]! >= points[0]! };
}
