import "server-only";
import { z } from "zod";
import { fetchJson } from "../http";
import type { FearGreedDay } from "../coin-schema";
import type { FearGreed } from "../schema";
import { validate } from "../validate";

export type FearGreedConfig = { url: string; timeoutMs: number };

/** alternative.me's labels follow these bands (see the market API reference); used to check or fill the label. */
const BANDS: [max: number, label: string][] = [
  [25, "Extreme Fear"],
  [46, "Fear"],
  [54, "Neutral"],
  [75, "Greed"],
  [100, "Extreme Greed"],
];

export function classifyFearGreed(value: number): string {
  return BANDS.find(([max]) => value <= max)?.[1] ?? "Extreme Greed";
}

// Every number arrives as a string: "65", "1709251200". "abc", "140" or "-3" fail.
const fngSchema = z.object({
  data: z
    .array(
      z.object({
        value: z.string().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().int().min(0).max(100)),
        value_classification: z.string().trim().max(40).optional(),
        timestamp: z.string().regex(/^\d{1,12}$/).transform(Number),
      }),
    )
    .min(1),
  metadata: z.object({ error: z.null() }).optional(),
});

/** Today's Fear & Greed value and label. */
export async function fetchFearGreed(config: FearGreedConfig, log: (message: string) => void): Promise<FearGreed> {
  const url = new URL(config.url);
  url.searchParams.set("limit", "1");
  return parseFearGreed(await fetchJson(url.href, { timeoutMs: config.timeoutMs }), log);
}

/** The upstream's label is shown; one missing, or at odds with the value's band, is replaced by the band's. */
export function parseFearGreed(body: unknown, log: (message: string) => void): FearGreed {
  const [latest] = validate(fngSchema, body, "alternative.me /fng/").data;
  const { value, value_classification: label, timestamp } = latest!;
  const expected = classifyFearGreed(value);
  if (label && label !== expected) log(`alternative.me /fng/: label "${label}" does not match value ${value}; showing "${expected}"`);
  return { value, classification: expected, updatedAt: new Date(timestamp * 1000).toISOString() };
}

/** The last `days` daily values, newest first, for the /coins page. */
export async function fetchFearGreedHistory(config: FearGreedConfig, days: number): Promise<FearGreedDay[]> {
  const url = new URL(config.url);
  url.searchParams.set("limit", String(days));
  const { data } = validate(fngSchema, await fetchJson(url.href, { timeoutMs: config.timeoutMs }), "alternative.me /fng/ (history)");
  // Newest first and one value a day, whatever order (or repeats) the answer has.
  const byDay = new Map(data.map(({ value, timestamp }) => [timestamp, value]));
  return [...byDay]
    .sort(([a], [b]) => b - a)
    .map(([timestamp, value]) => ({ value, classification: classifyFearGreed(value), day: new Date(timestamp * 1000).toISOString() }));
}
