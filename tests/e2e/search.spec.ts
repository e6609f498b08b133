import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";
import { published } from "./sample-content";
import { countSuggestionAnswersRead, queryMatchingMoreThan, suggestionsRequestEnded } from "./support/search";

/** siteConfig.postsPerPage (lib/config.ts, which only the server may import). */
const resultsPerPage = 9;
const suggestionsRequest = /\/api\/search\?/;
const target = published.find((post) => post.slug === "exchange-freezes-ransomware-gang-funds")!;

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's search box reaches the results and a result reaches the story", async ({ page }) => {
    await page.goto("/news/bitcoin-mining-difficulty-climbs-to-record");
    await page.getByRole("searchbox", { name: "Search stories" }).fill("ransomware gang exchange");
    await page.getByRole("searchbox", { name: "Search stories" }).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=ransomware\+gang\+exchange/);
    await expect(page.getByRole("main").getByRole("status")).toContainText(/\d+ stor(y|ies) match/);
    const first = page.locator(".search-result h2 a").first();
    await expect(first).toHaveText(target.title);
    await expect(first.locator("mark").first()).toBeVisible();
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/news/${target.slug}$`));
  });

  test("an empty query suggests the sections and the latest stories; no result says so", async ({ page }) => {
    await page.goto("/search");
    await expect(page.getByRole("heading", { name: "Latest stories" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Browse the sections" })).toBeVisible();
    await page.goto("/search?q=qwertyuiopzxcv");
    await expect(page.getByRole("main").getByRole("status")).toContainText("No stories match");
    await expect(page.getByRole("heading", { name: "Latest stories" })).toBeVisible();
  });
});

test("with JavaScript on, suggestions appear as the reader types and the keyboard picks one", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search stories" }).or(page.getByRole("searchbox", { name: "Search stories" }));
  await box.click();
  await box.pressSequentially("ransomwre", { delay: 40 });
  const options = page.getByRole("listbox", { name: "Suggested stories" }).getByRole("option");
  await expect(options.first()).toContainText(target.title);
  await expect(page.getByRole("combobox", { name: "Search stories" })).toHaveAttribute("aria-expanded", "true");
  await box.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/news/${target.slug}$`));
});

test("leaving the box or pressing Escape closes the suggestions for good, even with some on their way", async ({ page }) => {
  await countSuggestionAnswersRead(page);
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search stories" }).or(page.getByRole("searchbox", { name: "Search stories" }));
  const list = page.getByRole("listbox", { name: "Suggested stories" });
  for (const leave of ["Tab", "Escape"]) {
    // The answer is held back until the reader has left the box, so it is surely still on its way then.
    let letAnswerThrough = () => {};
    const answerHeld = new Promise<void>((resolve) => (letAnswerThrough = resolve));
    await page.route(suggestionsRequest, async (route) => {
      await answerHeld;
      // Unless the page cancelled the request meanwhile: then there is nothing left to let through.
      await route.continue().catch(() => {});
    });
    await box.click();
    await box.fill("");
    const readBefore = await page.evaluate(() => window.__suggestionAnswersRead!);
    const onItsWay = page.waitForRequest((request) => suggestionsRequest.test(request.url()) && request.url().endsWith("q=bitcoin"));
    await box.pressSequentially("bitcoin", { delay: 40 });
    const request = await onItsWay;
    await box.press(leave);
    letAnswerThrough();
    await suggestionsRequestEnded(page, request, readBefore);
    await expect(list, leave).toBeHidden();
    await expect(page.getByRole("combobox", { name: "Search stories" }), leave).toHaveAttribute("aria-expanded", "false");
    await page.unroute(suggestionsRequest);
  }
});

test("results pages name their own search box apart from the header's, and page through the results", async ({ page }) => {
  const query = queryMatchingMoreThan(published, resultsPerPage);
  await page.goto(`/search?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole("searchbox", { name: "Search stories" })).toHaveCount(1);
  await expect(page.getByRole("searchbox", { name: "Search again" })).toHaveValue(query);
  const titles = page.locator(".search-result h2");
  await expect(titles).toHaveCount(resultsPerPage);
  const firstPage = await titles.allInnerTexts();
  await expect(page.getByRole("link", { name: "Previous results" })).toHaveCount(0);

  await page.getByRole("link", { name: "More results" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page.getByRole("link", { name: "Previous results" })).toBeVisible();
  const secondPage = await titles.allInnerTexts();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);

  const past = await page.goto(`/search?q=${encodeURIComponent(query)}&page=99999`);
  expect(past?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("status")).toContainText(/\d+ stor(y|ies) match/);
  await expect(page.getByRole("link", { name: "Previous results" })).toBeVisible();
  await expect(page.getByRole("link", { name: "More results" })).toHaveCount(0);
});

test("a hostile query is shown as inert text and the page stays normal", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> "' (.*+?[ 🚀`;
  const response = await page.goto(`/search?q=${encodeURIComponent(hostile)}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("h1")).toHaveText(`Results for “${hostile}”`);
  expect(await page.locator("main img[src=x]").count()).toBe(0);
  expect(dialogs).toEqual([]);

  const long = await page.goto(`/search?q=${"a".repeat(10_000)}`);
  expect(long?.status()).toBe(200);
  expect((await page.locator("#search-page-query").inputValue()).length).toBeLessThanOrEqual(200);
});

test("results pages are noindex, and browsers can add the site's search", async ({ page, request }) => {
  await page.goto("/search?q=bitcoin");
  expect(await page.locator('head meta[name="robots"]').getAttribute("content")).toContain("noindex");
  const link = page.locator('head link[rel="search"]');
  expect(await link.getAttribute("type")).toBe("application/opensearchdescription+xml");
  const description = await (await request.get((await link.getAttribute("href"))!)).text();
  expect(XMLValidator.validate(description)).toBe(true);
  expect(description).toContain("/search?q={searchTerms}");
});

test("the suggestion route returns public fields only, capped and cacheable", async ({ request }) => {
  const response = await request.get("/api/search?q=bitcoin");
  expect(response.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
  const { results } = await response.json();
  expect(results.length).toBeGreaterThan(0);
  expect(results.length).toBeLessThanOrEqual(8);
  for (const result of results) expect(Object.keys(result).sort()).toEqual(["category", "date", "title", "url"]);
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations on the results page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/search?q=bitcoin+etf");
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });
}
