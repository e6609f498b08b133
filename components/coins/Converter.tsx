"use client";

import { useState } from "react";
import { convert, parseAmount } from "@/lib/market/convert";

type Props = {
  symbol: string;
  priceUsd: number;
  /** The form's last submission, when the page was asked for with one (JavaScript off). */
  amount?: number;
  from: "coin" | "usd";
  /** Kept through the form, so converting does not change the chart's range (none: the default range). */
  range?: string;
};

/**
 * A coin-to-dollar converter: a GET form that the server answers without JavaScript, and that answers as
 * one types with it.
 */
export function Converter({ symbol, priceUsd, amount, from: initialFrom, range }: Props) {
  const [text, setText] = useState(amount === undefined ? "1" : String(amount));
  const [from, setFrom] = useState(initialFrom);
  const value = parseAmount(text);
  return (
    <form className="converter" method="get" action="#converter" id="converter">
      {range && <input type="hidden" name="range" value={range} />}
      <label htmlFor="converter-amount">Amount</label>
      <input id="converter-amount" name="amount" inputMode="decimal" autoComplete="off" value={text} onChange={(event) => setText(event.target.value)} />
      <label htmlFor="converter-from">Currency</label>
      <select id="converter-from" name="from" value={from} onChange={(event) => setFrom(event.target.value as Props["from"])}>
        <option value="coin">{symbol}</option>
        <option value="usd">USD</option>
      </select>
      <button type="submit">Convert</button>
      <output htmlFor="converter-amount converter-from" aria-live="polite" className="converter__result">
        {value === undefined ? "Enter an amount, such as 1.5" : convert(value, from, symbol, priceUsd)}
      </output>
    </form>
  );
}
