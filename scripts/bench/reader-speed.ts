import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { freePort } from "../../tests/support/free-port";
import { buildEmptyApp, removeEmptyApp, startEmptyApp } from "../support/empty-app";
import { requestsPerSecond } from "../support/load";
import { buildSite, startSite } from "../support/site";

/** As the issue measured ("Articles as fast as an empty Next.js page"): autocannon, 50 connections, 10 s a page. */
const CONNECTIONS = 50;

/** A page's HTML as served, and its size raw and gzipped. */
async function htmlSize(url: string) {
  const html = Buffer.from(await (await fetch(url, { headers: { "accept-encoding": "identity" } })).arrayBuffer());
  return `${(html.length / 1024).toFixed(1)} KB (${(gzipSync(html).length / 1024).toFixed(1)} KB gzip)`;
}

/**
 * Pages as fast as an empty Next.js page: requests per second served directly by `next start`, for an article,
 * the home page and the empty app's page (scripts/support/empty-app.ts), measured in turns in one run, with
 * their HTML sizes; and, for comparison, the empty app's page at a dynamic route (as a story's is), its bare
 * story there (what Next.js alone makes of a story), and its page served by a server that has rendered a page (as
 * all the site's servers have). Target: the article and the home page at least 0.6 times the empty page.
 */
export async function benchReaderSpeed(slug: string) {
  const env = { ...process.env, MARKET_PROVIDER: "snapshot", NEXT_TELEMETRY_DISABLED: "1" };
  if (!existsSync(".next/BUILD_ID")) {
    console.log("(building the site first)");
    buildSite(env);
  }
  const article = `/news/${slug}`;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  let empty: Awaited<ReturnType<typeof startEmptyApp>> | undefined;
  // A second server of the empty app that has rendered one page, as every server of the site has (a story's
  // regeneration, /api/market, a search): from a process's first render on, Node 20's AsyncLocalStorage,
  // which Next.js renders within, tracks every promise, at a cost to every request that follows.
  let emptyAfterRender: typeof empty;
  try {
    buildEmptyApp();
    site = await startSite(await freePort(), env, article);
    empty = await startEmptyApp(await freePort());
    emptyAfterRender = await startEmptyApp(await freePort());
    await (await fetch(`${emptyAfterRender.url}/news/rendered-on-request`)).arrayBuffer();
    const pages = {
      article: `${site.url}${article}`,
      "home page": `${site.url}/`,
      // For comparison only: what Next.js itself costs more in the cases above.
      "empty page at a dynamic route": `${empty.url}/news/hello`,
      "the empty app's bare story at a dynamic route (a headline, a cover image and text)": `${empty.url}/story/hello`,
      "empty page on a server that has rendered a page": `${emptyAfterRender.url}/`,
      "empty page": `${empty.url}/`,
    };
    for (const url of Object.values(pages)) await requestsPerSecond(url, 2, CONNECTIONS);
    const rps: Record<string, number> = {};
    // In turns, twice (10 s a page in all), so that neither page is measured alone while the machine is busier or quieter.
    for (let round = 0; round < 2; round += 1) {
      for (const [name, url] of Object.entries(pages)) rps[name] = (rps[name] ?? 0) + (await requestsPerSecond(url, 5, CONNECTIONS)) / 2;
    }
    const floor = rps["empty page"]!;
    console.log(`requests per second served by next start, ${CONNECTIONS} connections (target: article and home page at least 0.6 × the empty page):`);
    for (const [name, url] of Object.entries(pages)) {
      console.log(`  ${name}: ${Math.round(rps[name]!)} (${(rps[name]! / floor).toFixed(2)} × the empty page), HTML ${await htmlSize(url)}`);
    }
  } finally {
    site?.stop();
    empty?.stop();
    emptyAfterRender?.stop();
    removeEmptyApp();
  }
}
