import { type Page, expect, test } from "@playwright/test";
import { upstreamURL } from "../../playwright.config";
import { fixture } from "../support/market-fixtures";
import { expectNoAxeViolations } from "./support/axe";
import { watchLayoutShifts } from "./support/layout-shift";

// The fake upstream answers the recorded top 100 (tests/fixtures/market/); the bundled snapshot has the same coins,
// so the table is the same whether the site's figures are fresh, cached or the snapshot.
test.describe.configure({ mode: "serial" });
test.beforeEach(async ({ request }) => {
  await request.post(`${upstreamURL}/__control`, { data: { mode: "ok" } });
});

const topIds: string[] = fixture("coingecko-coins-markets-top100.json").map((coin: { id: string }) => coin.id);
/** The moment a block's figures are from, as the page writes it: never "live". */
const moment = /^(As of \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d UTC|Snapshot, \d{1,2} [A-Z][a-z]{2} \d{4})$/;

const table = (page: Page) => page.getByRole("region", { name: "Top coins table, scrolls sideways" });

/** The whole table is there: 100 rows of nine cells, each coin's name a link to its page, in rank order. */
async function expectFullTable(page: Page) {
  const rows = table(page).locator("tbody tr");
  await expect(rows).toHaveCount(100);
  const hrefs = await table(page).locator('tbody th[scope="row"] a').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs).toEqual(topIds.map((id) => `/coins/${id}`));
  for (const index of [0, 99]) await expect(rows.nth(index).locator("th, td")).toHaveCount(9);
  await expect(rows.first()).toContainText("Bitcoin");
  await expect(rows.first()).toContainText(/\$\d{2,3},\d{3}/);
}

/** Each figure block says when its figures are from: the global figures, Fear & Greed, gainers, losers and the table. */
async function expectDated(page: Page) {
  const moments = page.locator(".market .market-moment");
  await expect(moments).toHaveCount(5);
  for (const label of await moments.all()) await expect(label).toHaveText(moment);
  await expect(page.locator(".market")).not.toContainText(/\blive\b/i);
}

test("/coins answers 200 with the top 100, each coin's name linked to its page, and every block dated", async ({ page }) => {
  const response = await page.goto("/coins");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crypto market");
  await expectFullTable(page);
  await expectDated(page);
  await expect(page.locator(".market")).not.toContainText(/NaN|undefined/);
  await table(page).locator("tbody a").first().click();
  await expect(page).toHaveURL(/\/coins\/bitcoin$/);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the table, the figures and their dates are all in the page's HTML", async ({ page }) => {
    await page.goto("/coins");
    await expectFullTable(page);
    await expectDated(page);
    await expect(page.locator(".market-figures")).toContainText("Market cap");
    await expect(page.locator(".market-movers")).toHaveCount(2);
  });
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the page does not scroll sideways; the table scrolls in its own box, by keyboard too", async ({ page }) => {
    await page.goto("/coins");
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = table(page);
    expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

for (const scheme of ["light", "dark"] as const) {
  test(`/coins is axe-clean and shifts nothing as it loads (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const shifts = await watchLayoutShifts(page);
    await page.goto("/coins");
    await page.waitForLoadState("load");
    await page.waitForTimeout(2_000);
    expect(await shifts()).toBe(0);
    // Fear & Greed's days opened, so their table is checked too.
    await page.locator(".market-fng__days summary").click();
    await expectNoAxeViolations(page);
  });
}
