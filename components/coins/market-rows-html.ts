import { describeChange } from "@/components/ticker/change-text";
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH, sparklineGeometry } from "@/components/ticker/sparkline-geometry";
import { escapeHtml } from "@/lib/html/escape";
import { coinPath } from "@/lib/market/coin-path";
import type { MarketRow } from "@/lib/market/coin-schema";
import { formatCompactUsd, formatPrice } from "@/lib/market/format";

const change = (value: number | null, over?: string) => {
  const { trend, shown, spoken } = describeChange(value, { over });
  return `<span class="change change--${trend}"><span aria-hidden="true">${escapeHtml(shown)}</span><span class="visually-hidden">${escapeHtml(spoken)}</span></span>`;
};

const sparkline = (points: number[]) => {
  const line = sparklineGeometry(points);
  const size = `width="${SPARKLINE_WIDTH}" height="${SPARKLINE_HEIGHT}"`;
  if (!line) return `<svg class="sparkline" ${size} aria-hidden="true"></svg>`;
  return (
    `<svg class="sparkline" ${size} viewBox="0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}" aria-hidden="true">` +
    `<polyline points="${line.path}" fill="none" class="${line.rising ? "sparkline--up" : "sparkline--down"}" stroke-width="1.5"></polyline></svg>`
  );
};

const usdOrNa = (usd: number | null) => (usd === null ? "n/a" : formatCompactUsd(usd));

/**
 * The market table's rows as HTML, written into the page once (lib/html/ssr-handover.ts): as React elements, the
 * page's payload carried all 100 rows a second time, more than the table itself. Every upstream text is escaped.
 */
export function marketRowsHtml(rows: MarketRow[]): string {
  return rows
    .map(
      (row) =>
        `<tr><td>${row.rank ?? "n/a"}</td>` +
        `<th scope="row" class="market-table__coin"><a href="${escapeHtml(coinPath(row.id))}">${escapeHtml(row.name)}</a> <span class="market-symbol">${escapeHtml(row.symbol)}</span></th>` +
        `<td>${escapeHtml(formatPrice(row.priceUsd))}</td>` +
        `<td>${change(row.changePct.h1, "1 hour")}</td><td>${change(row.changePct.h24)}</td><td>${change(row.changePct.d7, "7 days")}</td>` +
        `<td>${escapeHtml(usdOrNa(row.marketCapUsd))}</td><td>${escapeHtml(usdOrNa(row.volume24hUsd))}</td>` +
        `<td>${sparkline(row.sparkline7d)}</td></tr>`,
    )
    .join("");
}
