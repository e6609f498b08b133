import { createRequire } from "node:module";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { PriceChart } from "@/components/coins/PriceChart";
import { CHART_HEIGHT, CHART_WIDTH, MAX_LINE_POINTS, chartGeometry, chartSummary, type PricePoint } from "@/lib/market/chart";
import { fixture } from "../support/market-fixtures";

// The tests run under the react-server condition, where react-dom/server refuses to load; Next's own copy is reached by
// path, past that condition, and renders a component without hooks as the page's HTML render does.
const { renderToStaticMarkup } = createRequire(import.meta.url)("next/dist/compiled/react-dom/server.node") as typeof import("react-dom/server");

/** A recorded CoinGecko market chart as the caller hands it over: finite positive prices, in order, one per moment. */
function series(name: string): PricePoint[] {
  const raw: [number, number | null][] = fixture(name).prices;
  const points = raw.filter(([, price]) => Number.isFinite(price) && price! > 0).map(([t, price]) => ({ t, price: price! }));
  return points.sort((a, b) => a.t - b.t).filter((point, index, all) => index === 0 || point.t !== all[index - 1]!.t);
}

const ranges = [
  { days: 1, label: "24 hours", tick: /^\d\d:00$/ },
  { days: 7, label: "7 days", tick: /^\d{1,2} [A-Z][a-z]{2}$/ },
  { days: 30, label: "30 days", tick: /^\d{1,2} [A-Z][a-z]{2}$/ },
  { days: 365, label: "1 year", tick: /^[A-Z][a-z]{2} \d{4}$/ },
].map((range) => ({ ...range, points: series(`coingecko-market-chart-bitcoin-${range.days}.json`) }));

/** Every number in a path, as [x, y] pairs where the path has pairs. */
const numbers = (path: string) => (path.match(/-?[\d.]+/g) ?? []).map(Number);
const linePoints = (path: string) => path.slice(1).split("L");

describe.each(ranges)("the $days-day Bitcoin chart", ({ days, points, tick }) => {
  const chart = chartGeometry(points)!;
  const prices = points.map((point) => point.price);

  it("labels the series' exact high and low, and marks them on the drawn line", () => {
    expect(chart.high.price).toBe(Math.max(...prices));
    expect(chart.low.price).toBe(Math.min(...prices));
    expect(chart.high.label.text).toMatch(/^High \$[\d,]+$/);
    expect(chart.low.label.text).toMatch(/^Low \$[\d,]+$/);
    for (const point of [chart.high, chart.low, chart.start, chart.end]) {
      expect(linePoints(chart.line)).toContain(`${point.x},${point.y}`);
    }
    expect(chart.start.t).toBe(points[0]!.t);
    expect(chart.end.t).toBe(points.at(-1)!.t);
    expect(chart.high.y).toBeLessThan(chart.low.y);
  });

  it(`draws at most ${MAX_LINE_POINTS} points, in time order, inside the viewBox, rounded to a tenth, with no NaN`, () => {
    const drawn = linePoints(chart.line).map((pair) => pair.split(",").map(Number) as [number, number]);
    expect(drawn.length).toBeLessThanOrEqual(MAX_LINE_POINTS);
    // A series that fits is drawn whole; a longer one is thinned, not starved.
    if (points.length <= MAX_LINE_POINTS) expect(drawn).toHaveLength(points.length);
    else expect(drawn.length).toBeGreaterThan(MAX_LINE_POINTS * 0.9);
    drawn.forEach(([x], index) => index > 0 && expect(x).toBeGreaterThanOrEqual(drawn[index - 1]![0]));
    for (const path of [chart.line, chart.area, chart.grid]) {
      expect(path).not.toMatch(/NaN|Infinity|undefined/);
      for (const value of numbers(path)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(CHART_WIDTH);
        expect(String(value)).toMatch(/^\d+(\.\d)?$/);
      }
    }
    expect(chart.area.startsWith(chart.line)).toBe(true);
    expect(chart.area.endsWith("Z")).toBe(true);
  });

  it("puts 4 or 5 round prices on the y-axis, rising, inside the range", () => {
    expect(chart.yTicks.length).toBeGreaterThanOrEqual(4);
    expect(chart.yTicks.length).toBeLessThanOrEqual(5);
    chart.yTicks.forEach((yTick, index) => {
      expect(yTick.price).toBeGreaterThanOrEqual(chart.low.price);
      expect(yTick.price).toBeLessThanOrEqual(chart.high.price);
      expect(yTick.price % 500).toBe(0);
      expect(yTick.label.text).toBe(`$${yTick.price.toLocaleString("en-US")}`);
      if (index > 0) {
        expect(yTick.price).toBeGreaterThan(chart.yTicks[index - 1]!.price);
        expect(yTick.y).toBeLessThan(chart.yTicks[index - 1]!.y);
      }
    });
  });

  it(`puts 4 to 6 times on the x-axis, labelled to suit ${days} days, inside the range and the viewBox`, () => {
    expect(chart.xTicks.length).toBeGreaterThanOrEqual(4);
    expect(chart.xTicks.length).toBeLessThanOrEqual(6);
    chart.xTicks.forEach((xTick, index) => {
      expect(xTick.label.text).toMatch(tick);
      expect(xTick.t).toBeGreaterThanOrEqual(points[0]!.t);
      expect(xTick.t).toBeLessThanOrEqual(points.at(-1)!.t);
      expect(xTick.x).toBeGreaterThan(0);
      expect(xTick.x).toBeLessThan(CHART_WIDTH);
      expect(xTick.label.y).toBeLessThan(CHART_HEIGHT);
      if (index > 0) expect(xTick.t).toBeGreaterThan(chart.xTicks[index - 1]!.t);
    });
  });
});

describe("the chart's axes", () => {
  it("reads hours over a day, days over a week and a month, months over a year", () => {
    const labels = (days: number) => chartGeometry(ranges.find((range) => range.days === days)!.points)!.xTicks.map((t) => t.label.text);
    expect(labels(1)).toEqual(["16:00", "20:00", "00:00", "04:00", "08:00"]);
    expect(labels(7)).toEqual(["24 Feb", "26 Feb", "28 Feb", "1 Mar"]);
    expect(labels(30)).toEqual(["1 Feb", "8 Feb", "15 Feb", "22 Feb"]);
    expect(labels(365)).toEqual(["Apr 2023", "Jul 2023", "Oct 2023", "Jan 2024"]);
  });

  it("gives the 1-day chart its recorded high and low", () => {
    const chart = chartGeometry(ranges[0]!.points)!;
    expect(chart.high.price).toBe(64612);
    expect(chart.low.price).toBe(62823);
    expect(chart.high.label.text).toBe("High $64,612");
    expect(chart.low.label.text).toBe("Low $62,823");
  });
});

describe("the chart's summary in words", () => {
  const summary = (days: number) => {
    const range = ranges.find((candidate) => candidate.days === days)!;
    return chartSummary(range.points, range.label, "Bitcoin");
  };

  it("gives the range, the first and last prices, the change, the high and the low", () => {
    expect(summary(7)).toBe(
      "Bitcoin over 7 days, from 23 Feb, 13:02 UTC to 1 Mar, 12:00 UTC: from $51,525 to $63,988 (+24.19%); " +
        "high $64,449 on 1 Mar, low $50,407 on 23 Feb.",
    );
    expect(summary(30)).toContain("from $42,583 to $63,988 (+50.27%)");
  });

  it("says the hour of the high and low over a day, and the year over a year", () => {
    expect(summary(1)).toBe(
      "Bitcoin over 24 hours, from 29 Feb, 12:00 UTC to 1 Mar, 12:00 UTC: from $63,435 to $63,988 (+0.87%); " +
        "high $64,612 on 1 Mar, 04:29 UTC, low $62,823 on 29 Feb, 21:29 UTC.",
    );
    expect(summary(365)).toBe(
      "Bitcoin over 1 year, from 3 Mar 2023, 00:00 UTC to 1 Mar 2024, 12:00 UTC: from $22,380 to $63,988 (+185.92%); " +
        "high $63,988 on 1 Mar 2024, low $19,610 on 12 Mar 2023.",
    );
  });
});

describe("a chart from a cleaned bad series, and from too little", () => {
  it("draws the bad fixture once its null is dropped and its order restored", () => {
    const points = series("coingecko-market-chart-bad.json");
    expect(points).toHaveLength(7);
    const chart = chartGeometry(points)!;
    expect(chart.line).not.toContain("NaN");
    expect(linePoints(chart.line)).toHaveLength(7);
    expect(chart.high.price).toBe(64150.2893421573);
    expect(chart.low.price).toBe(63959.9367316002);
    expect(chart.end.price).toBe(63988);
    expect(chartSummary(points, "1 hour", "Bitcoin")).toContain("from $64,150 to $63,988 (-0.25%)");
  });

  it("has nothing to draw with fewer than two points", () => {
    expect(chartGeometry([])).toBeUndefined();
    expect(chartGeometry([{ t: 1709294400000, price: 63988 }])).toBeUndefined();
    expect(chartSummary([], "7 days", "Bitcoin")).toBeUndefined();
  });

  it("draws a flat series across the middle, with no NaN", () => {
    const chart = chartGeometry([
      { t: 1709290800000, price: 1 },
      { t: 1709294400000, price: 1 },
    ])!;
    expect(`${chart.line}${chart.area}${chart.grid}`).not.toMatch(/NaN|Infinity/);
    expect(chart.start.y).toBe(chart.end.y);
    expect(chart.yTicks.map((yTick) => yTick.label.text)).toEqual(["$1.00"]);
  });

  it("keeps small prices' ticks exact to what their labels say", () => {
    const chart = chartGeometry([
      { t: 1709290800000, price: 0.58123 },
      { t: 1709292600000, price: 0.60711 },
      { t: 1709294400000, price: 0.59402 },
    ])!;
    expect(chart.yTicks.length).toBeGreaterThanOrEqual(4);
    for (const yTick of chart.yTicks) expect(Number(yTick.label.text.slice(1))).toBe(yTick.price);
  });
});

describe("the price chart's HTML", () => {
  const render = (points: PricePoint[]) => renderToStaticMarkup(createElement(PriceChart, { coinName: "Bitcoin", rangeLabel: "7 days", points }));

  it("is an SVG named by its title, with the summary as its caption and the high and low labelled", () => {
    const html = render(ranges[1]!.points);
    // Written into the page once: the payload names the drawing by key.
    expect(html).toMatch(/^<figure class="price-chart"><div class="price-chart__drawing" data-html-key="[\w-]+"><svg viewBox="0 0 720 360" role="img" aria-labelledby="price-chart-bitcoin-7-days">/);
    expect(html).toContain('<title id="price-chart-bitcoin-7-days">Bitcoin price over 7 days</title>');
    expect(html).toContain(`<figcaption>${chartSummary(ranges[1]!.points, "7 days", "Bitcoin")}</figcaption>`);
    expect(html).toContain(">High $64,449</text>");
    expect(html).toContain(">Low $50,407</text>");
    expect(html).toContain(">$51,525</text>");
    expect(html).toContain(">$63,988</text>");
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html).not.toContain("<script");
    // Small enough to send with every coin page.
    expect(html.length).toBeLessThan(8_000);
  });

  it("keeps its place, without a line, when there is nothing to draw", () => {
    for (const points of [[], [{ t: 1709294400000, price: 63988 }]]) {
      const html = render(points);
      expect(html).toBe('<figure class="price-chart"><p class="price-chart__empty">Chart unavailable for this range</p></figure>');
      expect(html).not.toContain("<path");
    }
  });
});
