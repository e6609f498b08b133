/**
 * `npm run audit`: builds and starts the site and an empty Next.js app of the same versions
 * (scripts/support/empty-app.ts), then runs Lighthouse (mobile preset, Debian's Chromium) three times on the
 * home page, an article, the empty app's bare story (for comparison: what Next.js alone makes of a story) and the
 * empty page, in turns, and prints each page's median scores, LCP, CLS and TBT, the others' ratios to the empty
 * page's, and the audits that cost the site's pages points.
 * Targets (issue "Articles as fast as an empty Next.js page"): LCP within 1.5 times the empty page's,
 * performance within 3 points, TBT within 1.3 times; accessibility, best practices and SEO 100; CLS 0.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { freePort } from "../tests/support/free-port";
import { buildEmptyApp, removeEmptyApp, startEmptyApp } from "./support/empty-app";
import { buildSite, startSite } from "./support/site";

const RUNS = 3;
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// The audited site is offline-safe: the ticker serves its bundled snapshot, so no run depends on the network.
const env = { ...process.env, MARKET_PROVIDER: "snapshot", NEXT_TELEMETRY_DISABLED: "1" };

type Figures = { performance: number; accessibility: number; bestPractices: number; seo: number; lcpMs: number; cls: number; tbtMs: number };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The site's pages, which the targets are for; the others are there to compare with. */
const SITE_PAGES = ["home page", "article"];

let site: Awaited<ReturnType<typeof startSite>> | undefined;
let empty: Awaited<ReturnType<typeof startEmptyApp>> | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  buildSite(env);
  buildEmptyApp();
  site = await startSite(await freePort(), env);
  empty = await startEmptyApp(await freePort());
  chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const pages: Record<string, string> = {
    "home page": `${site.url}/`,
    article: `${site.url}/news/spot-bitcoin-etfs-log-biggest-week-since-summer`,
    // For comparison: what Next.js alone makes of a story (scripts/bench/empty-next-app/app/story).
    "bare story in the empty app": `${empty.url}/story/hello`,
    "empty Next.js page": `${empty.url}/`,
  };
  const runs = new Map<string, Figures[]>(Object.keys(pages).map((name) => [name, []]));
  const costs = new Map<string, Set<string>>();
  // In turns, so that a busier spell of this machine falls on every page alike.
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, url] of Object.entries(pages)) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const metric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
      runs.get(name)!.push({
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        lcpMs: metric("largest-contentful-paint"),
        cls: metric("cumulative-layout-shift"),
        tbtMs: metric("total-blocking-time"),
      });
      if (!SITE_PAGES.includes(name)) continue;
      for (const [id, category] of Object.entries(categories)) {
        for (const ref of category.auditRefs) {
          const audit = audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            costs.set(name, (costs.get(name) ?? new Set()).add(`${id}: ${audit.id} (${audit.title})`));
          }
        }
      }
    }
  }
  const medians = new Map(
    [...runs].map(([name, figures]) => [
      name,
      Object.fromEntries(Object.keys(figures[0]!).map((key) => [key, median(figures.map((figure) => figure[key as keyof Figures]))])) as Figures,
    ]),
  );
  const floor = medians.get("empty Next.js page")!;
  console.log(`Lighthouse, mobile, median of ${RUNS} runs each, in turns:`);
  for (const [name, figures] of medians) {
    const targets = (text: string) => (SITE_PAGES.includes(name) ? ` (target ${text})` : "");
    const ratios =
      figures === floor
        ? ""
        : `; vs the empty page: LCP ${(figures.lcpMs / floor.lcpMs).toFixed(2)} ×${targets("1.5")}, performance ${figures.performance - floor.performance}` +
          `${targets("-3 or better")}, TBT ${(figures.tbtMs / Math.max(1, floor.tbtMs)).toFixed(2)} ×${targets("1.3")}`;
    console.log(
      `${name}: Performance ${figures.performance}, Accessibility ${figures.accessibility}, Best Practices ${figures.bestPractices}, ` +
        `SEO ${figures.seo}; LCP ${(figures.lcpMs / 1000).toFixed(2)} s, CLS ${figures.cls.toFixed(3)}, TBT ${Math.round(figures.tbtMs)} ms${ratios}`,
    );
    for (const cost of costs.get(name) ?? []) console.log(`  ${cost}`);
  }
} finally {
  await chrome?.kill();
  site?.stop();
  empty?.stop();
  removeEmptyApp();
}
