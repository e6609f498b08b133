import { escapeHtml } from "@/lib/html/escape";
import type { ChartGeometry, ChartLabel } from "@/lib/market/chart";

/** Em offsets rather than units, so a label keeps its place at every font size the CSS picks for the chart's width. */
const dy = { baseline: "", middle: ' dy="0.35em"', top: ' dy="0.8em"' } as const;

const label = ({ x, y, anchor, align, text }: ChartLabel) => `<text x="${x}" y="${y}"${dy[align]} text-anchor="${anchor}">${escapeHtml(text)}</text>`;

/**
 * The chart as SVG markup, written into the page once (lib/html/ssr-handover.ts): as React elements, the page's
 * payload carried every point of the line a second time.
 */
export function priceChartSvg(chart: ChartGeometry, title: string, titleId: string): string {
  const marks = [chart.high, chart.low].map((point) => `<circle class="price-chart__mark" cx="${point.x}" cy="${point.y}" r="5"></circle>`);
  return (
    `<svg viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-labelledby="${escapeHtml(titleId)}">` +
    `<title id="${escapeHtml(titleId)}">${escapeHtml(title)}</title>` +
    `<path class="price-chart__grid" d="${chart.grid}"></path>` +
    `<path class="price-chart__area" d="${chart.area}"></path>` +
    `<path class="price-chart__line" d="${chart.line}"></path>` +
    marks.join("") +
    `<g class="price-chart__axis">${[...chart.yTicks, ...chart.xTicks].map((tick) => label(tick.label)).join("")}</g>` +
    `<g class="price-chart__values">${[chart.start, chart.end, chart.high, chart.low].map((point) => label(point.label)).join("")}</g>` +
    `</svg>`
  );
}
