// Formatting for the ticker; pure, so the server and the browser print the same text.

const money = (digits: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: digits });
const wholeDollars = money(0);
const cents = money(2);
const smallPrice = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 4 });
const compactDollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});
const signedPercent = new Intl.NumberFormat("en-US", {
  style: "percent",
  signDisplay: "exceptZero",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const signedNumber = new Intl.NumberFormat("en-US", { signDisplay: "exceptZero", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plainPercent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** $63,988 · $3,412.55 · $0.5865: precision that suits the size of the price. */
export function formatPrice(usd: number): string {
  if (usd >= 10_000) return wholeDollars.format(usd);
  if (usd >= 1) return cents.format(usd);
  return smallPrice.format(usd);
}

/** $2.29T */
export function formatCompactUsd(usd: number): string {
  return compactDollars.format(usd);
}

/** 54.2% */
export function formatShare(percent: number): string {
  return plainPercent.format(percent / 100);
}

export type Direction = "up" | "down" | "flat" | "unknown";

export function direction(change: number | null): Direction {
  if (change === null) return "unknown";
  if (Math.abs(change) < 0.005) return "flat";
  return change > 0 ? "up" : "down";
}

/** +0.87% · −1.20% · "n/a" when unknown: a missing change is never shown as 0 %. */
export function formatChangePct(change: number | null): string {
  return change === null ? "n/a" : signedPercent.format(change / 100);
}

/** +0.21 pts */
export function formatChangePts(change: number | null): string {
  return change === null ? "n/a" : `${signedNumber.format(change)} pts`;
}

/** "45 s", "12 min", "3 h", "2 days" */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} days`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const twoDigits = (value: number) => String(value).padStart(2, "0");

/**
 * "1 Dec, 14:05 UTC" (or "1 Dec 2026, 14:05 UTC"): the moment figures are from, written out by hand rather
 * than by Intl, so the server's HTML and the browser's first render are the same text to the character.
 */
export function formatUtcMoment(iso: string, { withYear = false }: { withYear?: boolean } = {}): string {
  const moment = new Date(iso);
  const day = `${moment.getUTCDate()} ${MONTHS[moment.getUTCMonth()]}${withYear ? ` ${moment.getUTCFullYear()}` : ""}`;
  return `${day}, ${twoDigits(moment.getUTCHours())}:${twoDigits(moment.getUTCMinutes())} UTC`;
}

/** "1 Mar 2024" */
export function formatUtcDay(iso: string): string {
  const moment = new Date(iso);
  return `${moment.getUTCDate()} ${MONTHS[moment.getUTCMonth()]} ${moment.getUTCFullYear()}`;
}

/**
 * When figures that came with a page are from, in the site's words: "As of 1 Dec, 14:05 UTC", or the bundled
 * snapshot's day, "Snapshot, 1 Mar 2024". Never "live": the page may be read long after it was rendered.
 */
export function figuresMoment(fromSnapshot: boolean, updatedAt: string): { lead: string; when: string } {
  return fromSnapshot ? { lead: "Snapshot, ", when: formatUtcDay(updatedAt) } : { lead: "As of ", when: formatUtcMoment(updatedAt) };
}
