import { direction, formatChangePct, formatChangePts } from "@/lib/market/format";

const arrows = { up: "▲", down: "▼", flat: "■", unknown: "" } as const;
const words = { up: "up", down: "down", flat: "unchanged", unknown: "change unknown" } as const;

/** A change shown by sign and arrow as well as colour, and read out in words. */
export function Change({ value, unit = "percent" }: { value: number | null; unit?: "percent" | "points" }) {
  const trend = direction(value);
  const text = unit === "points" ? formatChangePts(value) : formatChangePct(value);
  return (
    <span className={`change change--${trend}`}>
      <span aria-hidden="true">{`${arrows[trend]} ${text}`.trim()}</span>
      <span className="visually-hidden">
        {trend === "unknown" ? words.unknown : `${words[trend]} ${text.replace(/^[+−-]/, "")} over 24 hours`}
      </span>
    </span>
  );
}
