import { formatPrice } from "./format";

/** "1,250.5" or "0.25" as a number; anything else (words, negatives, absurd sizes) is no amount. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim().replaceAll(",", "");
  if (!/^\d{1,15}(?:\.\d{0,18})?$|^\.\d{1,18}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

const coinAmount = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 8 });
const amountOf = new Intl.NumberFormat("en-US", { maximumFractionDigits: 8 });

/** "2 BTC = $127,976" or "$1,000 = 0.015628 BTC": pure, so the server and the browser print the same. */
export function convert(amount: number, from: "coin" | "usd", symbol: string, priceUsd: number): string {
  return from === "coin"
    ? `${amountOf.format(amount)} ${symbol} = ${formatPrice(amount * priceUsd)}`
    : `${formatPrice(amount)} = ${coinAmount.format(amount / priceUsd)} ${symbol}`;
}
