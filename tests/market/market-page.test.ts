import { createRequire } from "node:module";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { MarketPage } from "@/components/coins/MarketPage";
import type { MarketRow } from "@/lib/market/coin-schema";
import { marketMovers } from "@/lib/market/movers";
import { parseMarketTable } from "@/lib/market/providers/coingecko-coins";
import type { MarketSource, PartStatus } from "@/lib/market/schema";
import { snapshot } from "@/lib/market/snapshot";
import { coinsSnapshot } from "@/lib/market/snapshot-coins";
import type { MarketPage as MarketPageData } from "@/lib/pages/coins";
import { fixture } from "../support/market-fixtures";

// The tests run under the react-server condition, where react-dom/server refuses to load; Next's own copy is reached by
// path, past that condition, and renders server components without hooks as the page's HTML render does.
const { renderToStaticMarkup } = createRequire(import.meta.url)("next/dist/compiled/react-dom/server.node") as typeof import("react-dom/server");

const at = "2024-03-01T12:05:00.000Z";
const status = (source: MarketSource): PartStatus => ({ source, stale: source !== "live", updatedAt: at, ageSeconds: 0 });

/** The recorded top 100, with Starknet's 1-hour and 7-day changes unknown, as CoinGecko leaves them for a young coin. */
function tableRows(): MarketRow[] {
  const body = fixture("coingecko-coins-markets-top100.json");
  const starknet = body.find((row: { id: string }) => row.id === "starknet");
  starknet.price_change_percentage_1h_in_currency = null;
  starknet.price_change_percentage_7d_in_currency = null;
  return parseMarketTable(body, vi.fn());
}

async function render(source: MarketSource, volumeChange: number | null = null) {
  const rows = tableRows();
  const data: MarketPageData = {
    table: { value: rows, status: status(source), fetchedAt: Date.parse(at) },
    fearGreed: { value: coinsSnapshot.fearGreedHistory, status: status(source), fetchedAt: Date.parse(at) },
    global: { value: { ...snapshot.global, btcDominanceChange24hPts: 0.21, totalVolumeChange24hPct: volumeChange }, status: status(source) },
    ...marketMovers(rows),
  };
  return { data, html: renderToStaticMarkup(createElement(MarketPage, { data })) };
}

/** The markup between two markers, the first of each. */
function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  return html.slice(from, html.indexOf(end, from));
}

const coinLinks = (html: string) => [...html.matchAll(/<a href="\/coins\/([a-z0-9-]+)">/g)].map((match) => match[1]);

describe("the /coins market page's HTML", () => {
  it("has all 100 rows in rank order, each coin's name a row header linked to its page", async () => {
    const { data, html } = await render("live");
    // Written once, as HTML the page's payload names by key rather than carrying a second time.
    const body = between(between(html, '<div class="market-table"', "</table>"), "<tbody data-html-key=", "</tbody>");
    expect(body.match(/<tr>/g)).toHaveLength(100);
    expect(body.match(/<th scope="row"/g)).toHaveLength(100);
    expect(coinLinks(body)).toEqual(data.table.value.map((row) => row.id));
    expect(body).toContain('<a href="/coins/bitcoin">Bitcoin</a> <span class="market-symbol">BTC</span>');
    expect(html).toMatch(/<caption[^>]*>Top 100 coins by market cap/);
    expect(html).toContain('role="region" aria-label="Top coins table, scrolls sideways" tabindex="0"');
    expect(html).not.toContain("<script");
  });

  it("shows Starknet's unknown changes as n/a, never 0 %, and every figure is a number", async () => {
    const { html } = await render("live");
    const starknet = between(between(html, '<div class="market-table"', "</table>"), '<a href="/coins/starknet">', "</tr>");
    expect(starknet.match(/>n\/a</g)).toHaveLength(2);
    expect(starknet).toContain("change unknown");
    expect(starknet).not.toMatch(/0\.00%/);
    expect(starknet).toMatch(/▼ -2\.99%/);
    // With some context, so a failure shows where; "Axie Infinity" is a name, not a figure.
    expect(html.match(/.{60}(NaN|undefined|\bnull\b|[$"]-?Infinity|Infinity%).{20}/g)).toBeNull();
  });

  it('says the moment each block is from, "As of" for fetched figures and never "live"', async () => {
    for (const source of ["live", "cache"] as const) {
      const { html } = await render(source);
      // The global figures, Fear & Greed, the gainers, the losers and the table.
      expect(html.match(/As of <time dateTime="2024-03-01T12:05:00.000Z">1 Mar, 12:05 UTC<\/time>/g)).toHaveLength(5);
      expect(html).not.toMatch(/snapshot|\blive\b/i);
    }
  });

  it("labels the bundled snapshot as one, with its day", async () => {
    const { html } = await render("snapshot");
    expect(html.match(/Snapshot, <time dateTime="2024-03-01T12:05:00.000Z">1 Mar 2024<\/time>/g)).toHaveLength(5);
    expect(html).not.toMatch(/As of|\blive\b/i);
  });

  it("lists the day's gainers and losers by their 24-hour change, biggest first", async () => {
    const { data, html } = await render("live");
    const change = new Map(data.table.value.map((row) => [row.id, row.changePct.h24]));
    const gainers = coinLinks(between(html, 'id="market-gainers-title"', "</ol>")).map((id) => change.get(id!)!);
    const losers = coinLinks(between(html, 'id="market-losers-title"', "</ol>")).map((id) => change.get(id!)!);
    expect(gainers).toHaveLength(5);
    expect(losers).toHaveLength(5);
    expect(gainers).toEqual([...gainers].sort((a, b) => b - a));
    expect(losers).toEqual([...losers].sort((a, b) => a - b));
    expect(gainers.every((value) => value > 0) && losers.every((value) => value < 0)).toBe(true);
    const known = [...change.values()].filter((value) => value !== null) as number[];
    expect(gainers[0]).toBe(Math.max(...known));
    expect(losers[0]).toBe(Math.min(...known));
  });

  it("shows the global figures without inventing a volume change, and Fear & Greed's month as a table too", async () => {
    const { html } = await render("live");
    const global = between(html, 'id="market-global-title"', "</section>");
    expect(global).toContain("<dt>Volume (24h)</dt><dd>$");
    // Market cap, volume and BTC dominance; the volume's change unknown until a day of answers was seen.
    expect(global.match(/class="change /g)).toHaveLength(3);
    expect(between(global, "<dt>Volume (24h)</dt>", "</dd>")).toContain("change unknown");
    expect(between((await render("live", 3.2)).html, "<dt>Volume (24h)</dt>", "</dd>")).toContain("▲ +3.20%");
    const fearGreed = between(html, 'id="market-fng-title"', "</section>");
    expect(fearGreed).toContain('<span class="market-fng__value">65</span>/100');
    expect(fearGreed.match(/<rect /g)).toHaveLength(30);
    expect(fearGreed.match(/<th scope="row">/g)).toHaveLength(30);
    expect(fearGreed).toContain('<th scope="row">1 Mar 2024</th><td>65</td><td>Greed</td>');
  });
});

describe("a lying upstream's names on the /coins page", () => {
  it("are shown as text, never as markup, in the rows written as HTML and among the movers", () => {
    const body = fixture("coingecko-coins-markets-top100.json");
    body[0].name = '<script>alert("name")</script>';
    body[0].symbol = '"><b>x';
    const rows = parseMarketTable(body, vi.fn());
    const status: PartStatus = { source: "live", stale: false, updatedAt: at, ageSeconds: 0 };
    const data: MarketPageData = {
      table: { value: rows, status, fetchedAt: Date.parse(at) },
      fearGreed: { value: coinsSnapshot.fearGreedHistory, status, fetchedAt: Date.parse(at) },
      global: { value: { ...snapshot.global, btcDominanceChange24hPts: null, totalVolumeChange24hPct: null }, status },
      // Bitcoin among the gainers too, so the React-rendered list is checked as well as the HTML rows.
      gainers: rows.slice(0, 1),
      losers: [],
    };
    const html = renderToStaticMarkup(createElement(MarketPage, { data }));
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>x");
    // In the table's row and in the gainers, written out as text.
    expect(html.match(/&lt;script&gt;alert\(&quot;name&quot;\)&lt;\/script&gt;/g)).toHaveLength(2);
    expect(html).toContain("&quot;&gt;&lt;B&gt;X");
  });
});
