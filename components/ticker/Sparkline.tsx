import { SPARKLINE_HEIGHT as HEIGHT, SPARKLINE_WIDTH as WIDTH, sparklineGeometry } from "./sparkline-geometry";

/** A 7-day price line as inline SVG; decorative, since the figures beside it say the same in words. */
export function Sparkline({ points }: { points: number[] }) {
  const line = sparklineGeometry(points);
  if (!line) return <svg className="sparkline" width={WIDTH} height={HEIGHT} aria-hidden="true" />;
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
      <polyline points={line.path} fill="none" className={line.rising ? "sparkline--up" : "sparkline--down"} strokeWidth="1.5" />
    </svg>
  );
}
