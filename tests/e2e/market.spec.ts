import { type APIRequestContext, expect, test } from "@playwright/test";
import { upstreamURL } from "../../playwright.config";
import { watchLayoutShifts } from "./support/layout-shift";

// These tests steer the one fake upstream the site reads from, so they run one after another.
test.describe.configure({ mode: "serial" });

type Mode = "ok" | "fail" | "slow" | "ratelimit" | "garbage";

async function steer(request: APIRequestContext, behaviour: { mode: Mode; btcPrice?: number; delayMs?: number; resetStats?: boolean }) {
  await request.post(`${upstreamURL}/__control`, { data: behaviour });
}
const upstreamCalls = async (request: APIRequestContext) =>
  (await (await request.get(`${upstreamURL}/__stats`)).json()) as Record<string, number>;
/** Past the site's 2-second TTL, so the next request starts a refresh. */
const pastTtl = () => new Promise((resolve) => setTimeout(resolve, 2_200));

test("the page HTML and /api/market carry the upstream's values", async ({ request }) => {
  await steer(request, { mode: "ok" });
  const html = await (await request.get("/")).text();
  expect(html).toContain('aria-label="Market ticker"');
  expect(html).toContain("$63,988");
  expect(html).toContain("65/100");

  const response = await request.get("/api/market");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  // Browsers get no stale-while-revalidate (they would show old figures as fresh); CDNs do.
  expect(response.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=2");
  expect(response.headers()["cdn-cache-control"]).toMatch(/s-maxage=2\b.*stale-while-revalidate=\d+/);
  const data = await response.json();
  expect(data.coins[0]).toMatchObject({ id: "bitcoin", symbol: "BTC", priceUsd: 63988 });
  expect(data.coins[0].sparkline7d.length).toBeGreaterThan(10);
  expect(data.global.btcDominancePct).toBeCloseTo(54.2, 1);
  expect(data.fearGreed).toMatchObject({ value: 65, classification: "Greed" });
  expect(["live", "cache"]).toContain(data.source);
});

test("other methods get 405", async ({ request }) => {
  for (const method of ["post", "put", "delete"] as const) {
    expect((await request[method]("/api/market")).status(), method).toBe(405);
  }
});

test("readers without JavaScript see the numbers", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  const ticker = page.getByRole("region", { name: "Market ticker" });
  await expect(ticker).toContainText("BTC");
  await expect(ticker).toContainText(/\$\d{2,3},\d{3}/);
  await expect(ticker).toContainText(/\d{1,3}\/100/);
  await context.close();
});

test("on a 1280-pixel screen the four headline figures are in view, and the footer credits the data's sources", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto("/");
  const scroller = await page.getByRole("list", { name: "Prices and indices" }).boundingBox();
  for (const label of ["BTC", "BTC dominance", "Market cap", "Fear & Greed"]) {
    const item = await page.locator(".ticker__item").filter({ has: page.getByText(label, { exact: true }) }).boundingBox();
    expect(item!.x + item!.width, label).toBeLessThanOrEqual(scroller!.x + scroller!.width);
  }
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "CoinGecko" })).toHaveAttribute("href", "https://www.coingecko.com/");
  await expect(footer.getByRole("link", { name: /Fear & Greed/ })).toHaveAttribute("href", /alternative\.me/);
  await page.close();
});

test("the bar updates when the upstream's values change, without layout shift or console errors", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  const layoutShift = await watchLayoutShifts(page);

  await steer(request, { mode: "ok" });
  await page.goto("/news/spot-bitcoin-etfs-log-biggest-week-since-summer");
  const ticker = page.getByRole("region", { name: "Market ticker" });
  await expect(ticker).toContainText("$63,988");
  await expect(ticker).toContainText("Fear & Greed");
  await expect(ticker).toContainText("Greed");

  await steer(request, { mode: "ok", btcPrice: 71234.5 });
  await expect(ticker).toContainText("$71,235", { timeout: 15_000 });
  await page.waitForTimeout(500);
  expect(await layoutShift()).toBe(0);
  expect(errors).toEqual([]);
});

test("200 concurrent requests make at most one upstream call per endpoint", async ({ request }) => {
  await steer(request, { mode: "ok", resetStats: true });
  await pastTtl();
  const started = Date.now();
  const responses = await Promise.all(Array.from({ length: 200 }, () => request.get("/api/market")));
  const calls = await upstreamCalls(request);
  // Pages open in other tests refresh the ticker too: a burst slower than the TTL may span a second window.
  const windows = 1 + Math.floor((Date.now() - started) / 2_000);
  expect(responses.every((response) => response.status() === 200)).toBe(true);
  for (const endpoint of ["/api/v3/coins/markets", "/api/v3/global", "/fng/"]) {
    expect(calls[endpoint] ?? 0, endpoint).toBeGreaterThanOrEqual(1);
    expect(calls[endpoint] ?? 0, endpoint).toBeLessThanOrEqual(windows);
  }
});

/** Waits until the site has fresh data again, so a test starts from a success and no back-off. */
async function untilLive(request: APIRequestContext) {
  await expect
    .poll(async () => (await (await request.get("/api/market")).json()).source, { timeout: 20_000, intervals: [250] })
    .toBe("live");
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the bar says the moment its figures are from, and never calls the page's figures live", async ({ page, request }) => {
    await steer(request, { mode: "ok" });
    await untilLive(request);
    for (const path of ["/", "/news/spot-bitcoin-etfs-log-biggest-week-since-summer"]) {
      await page.goto(path);
      const state = page.getByRole("region", { name: "Market ticker" }).locator(".ticker__state");
      await expect(state).toHaveText(/^(As of \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d UTC|Snapshot, \d{1,2} [A-Z][a-z]{2} \d{4})$/);
    }
  });
});

test("figures the browser has just fetched are called live", async ({ page, request }) => {
  await steer(request, { mode: "ok" });
  await untilLive(request);
  await page.goto("/news/spot-bitcoin-etfs-log-biggest-week-since-summer");
  await expect(page.getByRole("region", { name: "Market ticker" }).locator(".ticker__state")).toHaveText("Live", { timeout: 15_000 });
});

// Last: a 429 makes the site back off for a minute, so nothing after this expects fresh data.
for (const mode of ["fail", "slow", "garbage", "ratelimit"] as const) {
  test(`with the upstream answering "${mode}", /api/market still answers 200 within a second, stale`, async ({ request }) => {
    await steer(request, { mode: "ok" });
    await untilLive(request);
    await steer(request, { mode, delayMs: 5_000, btcPrice: 1, resetStats: true });
    await pastTtl();
    await request.get("/api/market"); // starts the refresh that will fail
    await new Promise((resolve) => setTimeout(resolve, mode === "slow" ? 300 : 500));
    const started = Date.now();
    const response = await request.get("/api/market");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(response.status()).toBe(200);
    const data = await response.json();
    expect(data.stale).toBe(true);
    expect(data.source).toBe("cache");
    expect(data.coins[0].priceUsd).toBe(63988);
    expect(JSON.stringify(data)).not.toMatch(/Error|stack|ECONN|HTTP \d{3}|rate limit|not JSON/i);
    // The upstream was asked once per endpoint, however often the site was.
    expect(await upstreamCalls(request)).toEqual({ "/api/v3/coins/markets": 1, "/api/v3/global": 1, "/fng/": 1 });
  });
}

test("stale data is labelled as delayed, with its age", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Market ticker" })).toContainText(/Delayed, \d+ (s|min) old/, { timeout: 15_000 });
});
