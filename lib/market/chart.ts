// A coin's price chart as geometry: plain numbers and strings, so the server draws it without a chart library or
// client code, and tests can check every coordinate.
import { formatChangePct, formatPrice, formatUtcDay, formatUtcMoment } from "@/lib/market/format";

export type PricePoint = { t: number; price: number };

/** The viewBox. styles/market.css gives the chart the same 2 / 1 aspect ratio, so the page does not move as it paints. */
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;
/** About one point per 2.5 units of width: finer than the eye follows, and each point is bytes in the page. */
export const MAX_LINE_POINTS = 240;

/** The largest label size styles/market.css sets (11.4 px on a phone 328 px wide); room is reserved for it. */
const FONT = 25;
const PAD = 8;
const GAP = 10;
const RIGHT = CHART_WIDTH - PAD;
/** The line runs between these, leaving room for the high's label above and the low's label below. */
const LINE_TOP = 40;
const LINE_BOTTOM = 288;
/** The x-axis; its labels sit below it. */
const AXIS = 324;

export type ChartLabel = {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  /** Where y is on the text; the renderer turns it into an em offset, which holds at every font size. */
  align: "baseline" | "middle" | "top";
  text: string;
};
export type ChartPoint = PricePoint & { x: number; y: number; label: ChartLabel };
export type ChartGeometry = {
  width: number;
  height: number;
  /** Gridlines, the x-axis and its tick marks, as one path. */
  grid: string;
  line: string;
  area: string;
  high: ChartPoint;
  low: ChartPoint;
  start: ChartPoint;
  end: ChartPoint;
  yTicks: { price: number; y: number; label: ChartLabel }[];
  xTicks: { t: number; x: number; label: ChartLabel }[];
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const round = (value: number) => Math.round(value * 10) / 10;
const twoDigits = (value: number) => String(value).padStart(2, "0");

/** Near enough to keep labels apart: digits and letters are about 0.6 em wide, punctuation and spaces half that. */
const textWidth = (text: string) => [...text].reduce((sum, char) => sum + (/[\s,.:]/.test(char) ? 0.3 : 0.62), 0) * FONT;

/** The geometry of the chart, or undefined when fewer than two points leave nothing to draw. */
export function chartGeometry(points: readonly PricePoint[]): ChartGeometry | undefined {
  if (points.length < 2) return undefined;
  const first = points[0]!;
  const last = points.at(-1)!;
  const { high, low } = extremes(points);

  const tickPrices = yTickPrices(low.price, high.price);
  const tickLabels = tickPrices.map(formatPrice);
  // The y-axis labels take as much of the left as the widest needs.
  const left = Math.ceil(PAD + Math.max(...tickLabels.map(textWidth)) + GAP);
  const span = last.t - first.t || 1;
  const x = (t: number) => round(left + ((t - first.t) / span) * (RIGHT - left));
  const middle = (LINE_TOP + LINE_BOTTOM) / 2;
  const unitsPerDollar = (LINE_BOTTOM - LINE_TOP) / (high.price - low.price);
  // A flat series runs across the middle.
  const y = (price: number) => round(high.price === low.price ? middle : LINE_BOTTOM - (price - low.price) * unitsPerDollar);

  const coordinates = downsample(points).map((point) => `${x(point.t)},${y(point.price)}`);
  const line = `M${coordinates.join("L")}`;
  const yTicks = tickPrices.map((price, index) => ({
    price,
    y: y(price),
    label: { x: left - GAP, y: y(price), anchor: "end" as const, align: "middle" as const, text: tickLabels[index]! },
  }));
  const xTicks = xTickTimes(first.t, last.t, x).map((t) => ({
    t,
    x: x(t),
    label: { x: x(t), y: CHART_HEIGHT - GAP, anchor: "middle" as const, align: "baseline" as const, text: xTickLabel(t, span) },
  }));

  const marked = (point: PricePoint, text: string, align: "baseline" | "top", anchor?: ChartLabel["anchor"]): ChartPoint => {
    const at = { x: x(point.t), y: y(point.price) };
    // A label near either end hangs inward from its point; elsewhere it is centred on it.
    const share = (at.x - left) / (RIGHT - left);
    anchor ??= share < 0.25 ? "start" : share > 0.75 ? "end" : "middle";
    return { ...point, ...at, label: { x: at.x, y: round(at.y + (align === "top" ? GAP : -GAP)), anchor, align, text } };
  };
  // Start and end labels go on the side away from the high and low labels: below a point in the upper half, above one
  // in the lower half.
  const away = (point: PricePoint) => (y(point.price) < middle ? ("top" as const) : ("baseline" as const));

  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    grid: [
      ...yTicks.map((tick) => `M${left},${tick.y}H${RIGHT}`),
      `M${left},${AXIS}H${RIGHT}`,
      ...xTicks.map((tick) => `M${tick.x},${AXIS}v6`),
    ].join(""),
    line,
    area: `${line}L${x(last.t)},${AXIS}L${x(first.t)},${AXIS}Z`,
    high: marked(high, `High ${formatPrice(high.price)}`, "baseline"),
    low: marked(low, `Low ${formatPrice(low.price)}`, "top"),
    start: marked(first, formatPrice(first.price), away(first), "start"),
    end: marked(last, formatPrice(last.price), away(last), "end"),
    yTicks,
    xTicks,
  };
}

/**
 * "Bitcoin over 7 days, from 23 Feb, 13:02 UTC to 1 Mar, 12:00 UTC: from $51,525 to $63,988 (+24.19%); high $64,449
 * on 1 Mar, low $50,407 on 23 Feb.": what the chart shows, for screen readers and as its caption.
 */
export function chartSummary(points: readonly PricePoint[], rangeLabel: string, coinName: string): string | undefined {
  if (points.length < 2) return undefined;
  const first = points[0]!;
  const last = points.at(-1)!;
  const { high, low } = extremes(points);
  const span = last.t - first.t;
  const withYear = span > 90 * DAY || new Date(first.t).getUTCFullYear() !== new Date(last.t).getUTCFullYear();
  const moment = (t: number) => formatUtcMoment(new Date(t).toISOString(), { withYear });
  // Within a day or two the hour says where the high was; over weeks the day does.
  const when = (t: number) => (span <= 2 * DAY ? moment(t) : withYear ? formatUtcDay(new Date(t).toISOString()) : dayLabel(t));
  const change = formatChangePct(((last.price - first.price) / first.price) * 100);
  return (
    `${coinName} over ${rangeLabel}, from ${moment(first.t)} to ${moment(last.t)}: ` +
    `from ${formatPrice(first.price)} to ${formatPrice(last.price)} (${change}); ` +
    `high ${formatPrice(high.price)} on ${when(high.t)}, low ${formatPrice(low.price)} on ${when(low.t)}.`
  );
}

/** The first highest and first lowest point: the exact figures the chart labels. */
function extremes(points: readonly PricePoint[]) {
  return {
    high: points.reduce((best, point) => (point.price > best.price ? point : best)),
    low: points.reduce((best, point) => (point.price < best.price ? point : best)),
  };
}

/** The first and last points, and each bucket's lowest and highest in time order: the line keeps every peak and trough. */
function downsample(points: readonly PricePoint[]): readonly PricePoint[] {
  if (points.length <= MAX_LINE_POINTS) return points;
  const inner = points.slice(1, -1);
  const buckets = Math.floor((MAX_LINE_POINTS - 2) / 2);
  const kept = [points[0]!];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const from = Math.floor((bucket * inner.length) / buckets);
    const to = Math.floor(((bucket + 1) * inner.length) / buckets);
    if (from >= to) continue;
    let lowest = from;
    let highest = from;
    for (let index = from + 1; index < to; index++) {
      if (inner[index]!.price < inner[lowest]!.price) lowest = index;
      if (inner[index]!.price > inner[highest]!.price) highest = index;
    }
    for (const index of new Set([Math.min(lowest, highest), Math.max(lowest, highest)])) kept.push(inner[index]!);
  }
  kept.push(points.at(-1)!);
  return kept;
}

/**
 * Round prices inside the range, 4 or 5 of them where a round step allows (else as near as it gets), each exactly what
 * its label says (formatPrice shows whole dollars above $10,000, so no $62,825 step there).
 */
function yTickPrices(low: number, high: number): number[] {
  if (high === low) return [low];
  const magnitude = 10 ** Math.floor(Math.log10(high - low));
  let best: number[] = [];
  const score = (count: number) => (count >= 4 && count <= 5 ? 0 : Math.abs(count - 4.5));
  for (const multiple of [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5]) {
    const step = multiple * magnitude;
    const ticks: number[] = [];
    for (let index = Math.ceil(low / step); index * step <= high; index++) ticks.push(Number((index * step).toPrecision(12)));
    const exact = ticks.every((tick) => Number(formatPrice(tick).replace(/[^0-9.]/g, "")) === tick);
    // Larger steps come later, so a tie goes to fewer labels.
    if (exact && ticks.length >= 2 && (best.length === 0 || score(ticks.length) <= score(best.length))) best = ticks;
  }
  return best.length > 0 ? best : [low, high];
}

/** Hours for a day, days for a week or a month, months beyond. */
const scales = [
  { upTo: 2.5 * DAY, steps: [1, 2, 3, 4, 6, 12, 24], unit: "hour" },
  { upTo: 100 * DAY, steps: [1, 2, 3, 7, 14, 28], unit: "day" },
  { upTo: Infinity, steps: [1, 2, 3, 6, 12, 24, 60, 120], unit: "month" },
] as const;

/** The finest round step that gives at most 6 ticks whose labels fit inside the chart without touching. */
function xTickTimes(from: number, to: number, x: (t: number) => number): number[] {
  const scale = scales.find((candidate) => to - from <= candidate.upTo)!;
  let ticks: number[] = [];
  for (const step of scale.steps) {
    ticks = tickTimes(scale.unit, step, from, to).filter((t) => {
      const half = textWidth(xTickLabel(t, to - from)) / 2;
      return x(t) - half >= 0 && x(t) + half <= CHART_WIDTH;
    });
    const widest = Math.max(0, ...ticks.map((t) => textWidth(xTickLabel(t, to - from))));
    const apart = ticks.every((t, index) => index === 0 || x(t) - x(ticks[index - 1]!) >= widest + GAP * 2);
    if (ticks.length <= 6 && apart) return ticks;
  }
  return ticks;
}

function tickTimes(unit: "hour" | "day" | "month", step: number, from: number, to: number): number[] {
  const ticks: number[] = [];
  if (unit === "hour") {
    // Multiples of the step since midnight UTC: 00:00, 04:00, 08:00 …
    for (let t = Math.ceil(from / (step * HOUR)) * step * HOUR; t <= to; t += step * HOUR) ticks.push(t);
  } else if (unit === "day") {
    for (let t = Math.ceil(from / DAY) * DAY; t <= to; t += step * DAY) ticks.push(t);
  } else {
    // Months whose number is a multiple of the step (Jan, Apr, Jul, Oct for 3), so years line up.
    const start = new Date(from);
    for (let month = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; month++) {
      const t = Date.UTC(Math.floor(month / 12), month % 12, 1);
      if (t > to) break;
      if (t >= from && month % step === 0) ticks.push(t);
    }
  }
  return ticks;
}

/** "14:00", "26 Feb" or "Mar 2024" by the span, in UTC and by hand, so the server's text is the same everywhere. */
function xTickLabel(t: number, span: number): string {
  const moment = new Date(t);
  if (span <= scales[0].upTo) return `${twoDigits(moment.getUTCHours())}:${twoDigits(moment.getUTCMinutes())}`;
  if (span <= scales[1].upTo) return dayLabel(t);
  return `${MONTHS[moment.getUTCMonth()]} ${moment.getUTCFullYear()}`;
}

/** "26 Feb" */
function dayLabel(t: number): string {
  const moment = new Date(t);
  return `${moment.getUTCDate()} ${MONTHS[moment.getUTCMonth()]}`;
}
