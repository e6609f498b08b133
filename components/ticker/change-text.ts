import { type Direction, direction, formatChangePct, formatChangePts } from "@/lib/market/format";

const arrows = { up: "▲", down: "▼", flat: "■", unknown: "" } as const;
const words = { up: "up", down: "down", flat: "unchanged", unknown: "change unknown" } as const;

export type ChangeOptions = { unit?: "percent" | "points"; over?: string };

/** A change as shown (sign and arrow) and as read out in words: one description for React and for HTML strings. */
export function describeChange(value: number | null, { unit = "percent", over = "24 hours" }: ChangeOptions = {}): { trend: Direction; shown: string; spoken: string } {
  const trend = direction(value);
  const text = unit === "points" ? formatChangePts(value) : formatChangePct(value);
  return {
    trend,
    shown: `${arrows[trend]} ${text}`.trim(),
    spoken: trend === "unknown" ? words.unknown : `${words[trend]} ${text.replace(/^[+−-]/, "")} over ${over}`,
  };
}
