import { ServerHtml } from "@/components/html/ServerHtml";
import { chartGeometry, chartSummary, type PricePoint } from "@/lib/market/chart";
import { priceChartSvg } from "./price-chart-html";

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
      <ServerHtml className="price-chart__drawing" html={priceChartSvg(chart, `${coinName} price over ${rangeLabel}`, titleId)} />
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
