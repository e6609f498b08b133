import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chartRanges } from "../../lib/market/coin-schema";
import { startFakeUpstream } from "../../tests/support/fake-upstream";
import { freePort } from "../../tests/support/free-port";
import { buildSite, startSite } from "../support/site";
import { requestsPerSecond } from "../support/load";

const BUDGET_PER_MINUTE = 25;
const LOAD_SECONDS = 60;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A page's HTML size (raw and gzip) and the JavaScript its scripts weigh (gzip), from the build's files. */
async function weigh(url: string) {
  const html = Buffer.from(await (await fetch(url, { headers: { "accept-encoding": "identity" } })).arrayBuffer());
  const scripts = [...new Set([...html.toString().matchAll(/<script src="\/_next\/([^"]+)"(?![^>]*noModule)/g)].map((match) => match[1]!))];
  const jsBytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(".next", decodeURIComponent(file))), { level: 9 }).length, 0);
  return { html: `${kb(html.length)} (${kb(gzipSync(html).length)} gzip)`, jsBytes };
}

/**
 * The market pages beside an article, served by `next start` against the fake upstream on loopback with the
 * default budget: HTML size, JavaScript and requests per second; then a minute of readers asking for 100
 * different coin pages in every range, and the CoinGecko calls per minute that caused.
 * Targets: coin pages' JavaScript within 10 KB (gzip) of the article's; never more calls than the budget.
 */
export async function benchCoins(slug: string) {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("(building the site first)");
    buildSite(process.env);
  }
  const upstream = await startFakeUpstream();
  const env = {
    ...process.env,
    COINGECKO_API_URL: `${upstream.url}/api/v3`,
    FEAR_GREED_API_URL: `${upstream.url}/fng/`,
    MARKET_TTL_SECONDS: "30",
    MARKET_UPSTREAM_CALLS_PER_MINUTE: String(BUDGET_PER_MINUTE),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const site = await startSite(await freePort(), env, "/coins/bitcoin");
  try {
    const pages = { article: `${site.url}/news/${slug}`, "/coins": `${site.url}/coins`, "/coins/bitcoin": `${site.url}/coins/bitcoin` };
    for (const url of Object.values(pages)) await requestsPerSecond(url, 2);
    const rps: Record<string, number> = {};
    for (let round = 0; round < 2; round += 1) {
      for (const [name, url] of Object.entries(pages)) rps[name] = (rps[name] ?? 0) + (await requestsPerSecond(url, 4)) / 2;
    }
    const article = await weigh(pages.article);
    console.log("market pages beside an article, next start, 16 connections:");
    for (const [name, url] of Object.entries(pages)) {
      const { html, jsBytes } = await weigh(url);
      const overArticle = name === "article" ? "" : `, ${kb(jsBytes - article.jsBytes)} over the article's (budget 10 KB)`;
      console.log(`  ${name}: ${Math.round(rps[name]!)} requests/s, HTML ${html}, JavaScript ${kb(jsBytes)} gzip${overArticle}`);
    }

    // Readers spread over the top 100 and every range, for a minute, on a cold cache for most of them.
    const ids = ((await (await fetch(`${upstream.url}/api/v3/coins/markets?per_page=100`)).json()) as { id: string }[]).map((row) => row.id);
    const paths = ids.flatMap((id) => chartRanges.map((range) => `/coins/${id}?range=${range}`));
    const startedAt = Date.now();
    const until = performance.now() + LOAD_SECONDS * 1000;
    let served = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (performance.now() < until) {
          const response = await fetch(`${site.url}${paths[next++ % paths.length]}`);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${response.url} answered ${response.status}`);
          served += 1;
        }
      }),
    );
    const requests = (await (await fetch(`${upstream.url}/__requests`)).json()) as { path: string; at: number }[];
    const coingecko = requests.filter((request) => request.path.startsWith("/api/v3/"));
    // The busiest sliding minute of the run, which the budget caps.
    const during = coingecko.filter((request) => request.at >= startedAt).map((request) => request.at);
    const busiest = Math.max(0, ...during.map((at) => during.filter((other) => other >= at && other < at + 60_000).length));
    console.log(
      `  ${served} coin pages over ${LOAD_SECONDS} s (100 coins × ${chartRanges.length} ranges): ` +
        `${during.length} CoinGecko calls, at most ${busiest} in any minute (budget ${BUDGET_PER_MINUTE})`,
    );
  } finally {
    site.stop();
    upstream.server.closeAllConnections();
    upstream.server.close();
  }
}
