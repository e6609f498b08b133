/**
 * `npm run audit`: builds and starts the site, then runs Lighthouse (mobile preset, Debian's Chromium)
 * on the home page and one article, and prints the four category scores with LCP, CLS and TBT.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { buildSite, startSite } from "./support/site";

const PAGES = ["/", "/news/spot-bitcoin-etfs-log-biggest-week-since-summer"];
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// The audited site is offline-safe: the ticker serves its bundled snapshot, so no run depends on the network.
const env = { ...process.env, MARKET_PROVIDER: "snapshot", NEXT_TELEMETRY_DISABLED: "1" };

buildSite(env);
const site = await startSite(3410, env);
const chrome = await chromeLauncher.launch({
  chromePath: CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  for (const path of PAGES) {
    const result = await lighthouse(`${site.url}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    console.log(
      `${path}: Performance ${score("performance")}, Accessibility ${score("accessibility")}, ` +
        `Best Practices ${score("best-practices")}, SEO ${score("seo")}; ` +
        `LCP ${(metric("largest-contentful-paint") / 1000).toFixed(2)} s, CLS ${metric("cumulative-layout-shift").toFixed(3)}, ` +
        `TBT ${Math.round(metric("total-blocking-time"))} ms`,
    );
    for (const [id, category] of Object.entries(categories)) {
      for (const ref of category.auditRefs) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) console.log(`  ${id}: ${audit.id} (${audit.title}) score ${audit.score}`);
      }
    }
  }
} finally {
  await chrome.kill();
  site.stop();
}
