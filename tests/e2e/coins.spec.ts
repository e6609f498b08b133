import { expect, test } from "@playwright/test";
import { upstreamURL } from "../../playwright.config";
import { expectNoAxeViolations } from "./support/axe";
import { watchLayoutShifts } from "./support/layout-shift";

// The fake upstream serves the recorded coin answers (tests/fixtures/market/), its charts moved to end today.
test.describe.configure({ mode: "serial" });
test.beforeEach(async ({ request }) => {
  await request.post(`${upstreamURL}/__control`, { data: { mode: "ok" } });
});

const ranges = [
  ["24h", "24 hours"],
  ["7d", "7 days"],
  ["30d", "30 days"],
  ["1y", "1 year"],
  ["all", "1 year (the longest the market data goes back)"],
] as const;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a coin page shows its figures, each dated, and a chart for every range by link", async ({ page }) => {
      await page.goto("/coins/bitcoin");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Bitcoin");
      await expect(page.locator(".coin__price-value")).toHaveText("$63,988");
      await expect(page.locator(".coin-figures")).toContainText("All-time high$69,045 on 10 Nov 2021");
      await expect(page.locator(".coin-figures")).toContainText("of max");
      await expect(page.locator(".market-moment").first()).toContainText(/As of \d{1,2} \w{3}, \d\d:\d\d UTC/);
      await expect(page.getByText("Live", { exact: true })).toHaveCount(javaScriptEnabled ? 1 : 0, { timeout: 10_000 });
      for (const [range, label] of ranges) {
        await page.getByRole("navigation", { name: "Chart range" }).getByRole("link", { name: range === "all" ? "All" : range, exact: true }).click();
        await expect(page.getByRole("navigation", { name: "Chart range" }).locator('[aria-current="page"]')).toHaveText(range === "all" ? "All" : range);
        const chart = page.locator("figure.price-chart");
        await expect(chart.locator("svg[role=img]")).toHaveCount(1);
        await expect(chart.locator("figcaption")).toContainText(`Bitcoin over ${label}`);
        expect(await chart.innerHTML()).not.toMatch(/NaN|undefined/);
      }
      // A day's 5-minute points: the recorded 24h high and low, labelled on the chart.
      await page.goto("/coins/bitcoin?range=24h");
      await expect(page.locator("figure.price-chart figcaption")).toContainText("high $64,612");
      await expect(page.locator("figure.price-chart figcaption")).toContainText("low $62,823");
    });

    test("the converter answers a GET form, and as one types with JavaScript", async ({ page }) => {
      await page.goto("/coins/bitcoin?range=30d");
      const amount = page.getByLabel("Amount");
      await amount.fill("2");
      if (javaScriptEnabled) {
        await expect(page.locator(".converter__result")).toHaveText("2 BTC = $127,976");
        await page.getByLabel("Currency").selectOption("usd");
        await amount.fill("1000");
        await expect(page.locator(".converter__result")).toHaveText("$1,000.00 = 0.01562793 BTC");
      } else {
        await page.getByRole("button", { name: "Convert" }).click();
        await expect(page).toHaveURL(/amount=2/);
        await expect(page.locator(".converter__result")).toHaveText("2 BTC = $127,976");
        // The chart kept its range.
        await expect(page.getByRole("navigation", { name: "Chart range" }).locator('[aria-current="page"]')).toHaveText("30d");
      }
    });

    test("a story's cashtag and its price line lead to the coin's page", async ({ page }) => {
      await page.goto("/news/spot-bitcoin-etfs-log-biggest-week-since-summer");
      const line = page.locator(".coin-prices li").first();
      await expect(line).toContainText(/^BTC was \$[\d,]+ when this story was published \(at \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\); it is \$63,988 now \([+−-][\d.,]+%\), as of \d{1,2} \w{3}, \d\d:\d\d UTC\.$/);
      const cashtag = page.locator(".article__body a.cashtag", { hasText: "$BTC" });
      await expect(cashtag).toHaveAttribute("href", "/coins/bitcoin");
      await cashtag.click();
      await expect(page).toHaveURL(/\/coins\/bitcoin$/);
      await expect(page.locator(".coin__news")).toContainText("Spot bitcoin ETFs log biggest week");
    });

    test("every coin in the ticker links to its page", async ({ page }) => {
      await page.goto("/");
      const labels = page.getByRole("region", { name: "Market ticker" }).locator("a.ticker__label");
      await expect(labels).toHaveCount(5);
      await labels.nth(1).click();
      await expect(page).toHaveURL(/\/coins\/ethereum$/);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Ethereum");
    });
  });
}

test("an unknown coin is a 404 that no cache keeps, and asks the upstream nothing", async ({ request }) => {
  await request.post(`${upstreamURL}/__control`, { data: { mode: "ok", resetStats: true } });
  for (const id of ["not-a-coin", "Bitcoin", "bitcoin%20"]) {
    const response = await request.get(`/coins/${id}`);
    expect(response.status(), id).toBe(404);
    expect(response.headers()["cache-control"] ?? "", id).not.toMatch(/s-maxage|public/);
  }
  const calls = (await (await request.get(`${upstreamURL}/__stats`)).json()) as Record<string, number>;
  expect(Object.keys(calls).filter((path) => path.includes("not-a-coin") || path.includes("Bitcoin"))).toEqual([]);
});

test("a coin's news feed and its place in the sitemap, with canonical, Open Graph and breadcrumbs", async ({ page, request }) => {
  const feed = await request.get("/coins/ethereum/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  expect(await feed.text()).toContain("Ethereum staking hits record share of supply");
  expect(await (await request.get("/sitemap.xml")).text()).toContain("/coins/bitcoin</loc>");
  await page.goto("/coins/bitcoin?range=30d");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/coins\/bitcoin$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Bitcoin \(BTC\)/);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute("href", /\/coins\/bitcoin\/feed\.xml$/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(jsonLd[0]["@type"]).toBe("BreadcrumbList");
});

test("a malformed chart answer draws the good points, never NaN", async ({ page, request }) => {
  await request.post(`${upstreamURL}/__control`, { data: { mode: "malformed" } });
  // A coin whose 24h chart no test has asked for yet, so it is fetched now.
  await page.goto("/coins/solana?range=24h");
  const chart = page.locator("figure.price-chart");
  await expect(chart).toBeVisible();
  expect(await page.content()).not.toMatch(/NaN/);
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("a coin page does not scroll sideways, in any range", async ({ page }) => {
    for (const range of ["24h", "all"]) {
      await page.goto(`/coins/bitcoin?range=${range}&amount=123456789.123&from=coin`);
      await page.waitForLoadState("load");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), range).toBe(true);
    }
  });
});

for (const scheme of ["light", "dark"] as const) {
  test(`a coin page is axe-clean and shifts nothing as it loads (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const shifts = await watchLayoutShifts(page);
    await page.goto("/coins/bitcoin");
    await page.waitForLoadState("load");
    await page.waitForTimeout(3_000);
    expect(await shifts()).toBe(0);
    await expectNoAxeViolations(page);
  });
}
