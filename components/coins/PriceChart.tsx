import { chartGeometry, chartSummary, type ChartLabel, type PricePoint } from "@/lib/market/chart";

/** Em offsets rather than units, so a label keeps its place at every font size the CSS picks for the chart's width. */
const dy = { baseline: undefined, middle: "0.35em", top: "0.8em" } as const;

function Label({ label }: { label: ChartLabel }) {
  return (
    <text x={label.x} y={label.y} dy={dy[label.align]} textAnchor={label.anchor}>
      {label.text}
    </text>
  );
}

/**
 * A coin's price over a range as server-rendered SVG, with its high and low marked and the same facts in words below.
 * The drawing keeps its 2 / 1 box with or without data, so a range with no prices still holds its place.
 */
export function PriceChart({ coinName, rangeLabel, points }: { coinName: string; rangeLabel: string; points: PricePoint[] }) {
  const chart = chartGeometry(points);
  const summary = chartSummary(points, rangeLabel, coinName);
  if (!chart || !summary) {
    return (
      <figure className="price-chart">
        <p className="price-chart__empty">Chart unavailable for this range</p>
      </figure>
    );
  }
  const titleId = `price-chart-${`${coinName}-${rangeLabel}`.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <figure className="price-chart">
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{`${coinName} price over ${rangeLabel}`}</title>
        <path className="price-chart__grid" d={chart.grid} />
        <path className="price-chart__area" d={chart.area} />
        <path className="price-chart__line" d={chart.line} />
        {[chart.high, chart.low].map((point) => (
          <circle key={point.label.text} className="price-chart__mark" cx={point.x} cy={point.y} r="5" />
        ))}
        <g className="price-chart__axis">
          {chart.yTicks.map((tick) => (
            <Label key={tick.price} label={tick.label} />
          ))}
          {chart.xTicks.map((tick) => (
            <Label key={tick.t} label={tick.label} />
          ))}
        </g>
        <g className="price-chart__values">
          {[chart.start, chart.end, chart.high, chart.low].map((point) => (
            <Label key={point.label.text + point.t} label={point.label} />
          ))}
        </g>
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
