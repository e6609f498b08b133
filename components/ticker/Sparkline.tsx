const WIDTH = 64;
const HEIGHT = 20;

/** A 7-day price line as inline SVG; decorative, since the figures beside it say the same in words. */
export function Sparkline({ points }: { points: number[] }) {
  if (points.length < 2) return <svg className="sparkline" width={WIDTH} height={HEIGHT} aria-hidden="true" />;
  const low = Math.min(...points);
  const range = Math.max(...points) - low || 1;
  const path = points
    .map((value, index) => {
      const x = (index / (points.length - 1)) * WIDTH;
      const y = HEIGHT - 1 - ((value - low) / range) * (HEIGHT - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
  const rising = points[points.length - 1]! >= points[0]!;
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
      <polyline points={path} fill="none" className={rising ? "sparkline--up" : "sparkline--down"} strokeWidth="1.5" />
    </svg>
  );
}
