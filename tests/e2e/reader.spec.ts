import { expect, test } from "@playwright/test";
import { PER_PAGE, published } from "./sample-content";

test("home lists the latest sample posts, newest first, and page 2 the rest", async ({ page }) => {
  await page.goto("/");
  const titles = page.locator("main article h2 a");
  await expect(titles).toHaveText(published.slice(0, PER_PAGE).map((post) => post.title));

  await page.getByRole("link", { name: "Older stories" }).click();
  await expect(page).toHaveURL(/\/page\/2$/);
  await expect(page.locator("main article h2 a")).toHaveText(published.slice(PER_PAGE, 2 * PER_PAGE).map((p) => p.title));
});

test("a click on a story reaches the article", async ({ page }) => {
  const lead = published[0]!;
  await page.goto("/");
  await page.getByRole("link", { name: lead.title, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/news/${lead.slug}$`));
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("h1")).toHaveText(lead.title);
});

test("category, tag and author listings show their posts and link back to articles", async ({ page }) => {
  const post = published.find((p) => p.category === "regulation")!;
  await page.goto("/category/regulation");
  await expect(page.locator("h1")).toHaveText("Regulation");
  const expected = published.filter((p) => p.category === "regulation").map((p) => p.title);
  await expect(page.locator("main article h2 a")).toHaveText(expected);

  await page.goto(`/news/${post.slug}`);
  const tagLink = page.getByRole("list", { name: "Tags" }).getByRole("link").first();
  const tagName = await tagLink.innerText();
  await tagLink.click();
  await expect(page).toHaveURL(/\/tag\/[a-z0-9-]+$/);
  await expect(page.locator("h1")).toHaveText(tagName, { ignoreCase: true });
  await expect(page.getByRole("link", { name: post.title, exact: true })).toBeVisible();

  await page.goto(`/news/${post.slug}`);
  await page.locator(".post-meta").getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/author/${post.author}$`));
  await expect(page.locator(".author-bio")).not.toBeEmpty();
  await expect(page.getByRole("link", { name: post.title, exact: true })).toBeVisible();
});

test("tags that differ only in case or accents share one page", async ({ page }) => {
  const tagged = published.filter((p) => p.tags?.some((tag) => /^t[uü]rkiye$/i.test(tag)));
  expect(new Set(tagged.flatMap((p) => p.tags?.filter((tag) => /^t[uü]rkiye$/i.test(tag)))).size).toBeGreaterThan(1);
  await page.goto("/tag/turkiye");
  await expect(page.locator("main article h2 a")).toHaveText(tagged.map((p) => p.title));
});

test("unknown addresses answer a real 404 with a friendly page", async ({ page, request }) => {
  for (const path of ["/news/no-such-story", "/category/sport", "/tag/no-such-tag", "/author/nobody", "/page/99", "/page/abc"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  await page.goto("/news/no-such-story");
  await expect(page.locator("h1")).toHaveText("We could not find that page");
});

test("/page/1 redirects to the home page", async ({ request }) => {
  const response = await request.get("/page/1", { maxRedirects: 0 });
  expect([301, 308]).toContain(response.status());
  expect(response.headers().location).toMatch(/\/$/);
});

test("an article's body and structured data are in its HTML once, and stay after the page comes alive", async ({ page, request }) => {
  const post = published.find((p) => p.body.includes("|---"))!;
  const lastParagraph = post.body.trim().split(/\n\s*\n/).filter((block) => /^[A-Z]/.test(block)).at(-1)!;
  const phrase = lastParagraph.replace(/[*_`[\]]/g, "").split(/\s+/).slice(-4).join(" ").replace(/\(.*$/, "").trim();
  const html = await (await request.get(`/news/${post.slug}`)).text();
  const count = (text: string) => html.split(text).length - 1;
  expect(count(phrase)).toBe(1);
  expect(count('"@type":"NewsArticle"')).toBe(1);

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  // The ticker asks for fresh prices once React has taken the page over.
  const hydrated = page.waitForResponse((response) => response.url().endsWith("/api/market"));
  await page.goto(`/news/${post.slug}`);
  await hydrated;
  await expect(page.locator(".article__body")).toContainText(phrase);
  await expect(page.locator(".article__body table")).toBeVisible();
  const structured = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect([JSON.parse(structured!)].flat()).toEqual(expect.arrayContaining([expect.objectContaining({ "@type": "NewsArticle", headline: post.title })]));
  expect(errors).toEqual([]);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("an article reads fully: headline, standfirst, byline, dates, body, tags and related stories", async ({ page }) => {
    const post = published.find((p) => p.body.includes("|---"))!;
    await page.goto(`/news/${post.slug}`);
    await expect(page.locator("h1")).toHaveText(post.title);
    await expect(page.locator(".article__standfirst")).not.toBeEmpty();
    await expect(page.locator("article time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}/);
    await expect(page.locator(".article__body table")).toBeVisible();
    const lastParagraph = post.body.trim().split(/\n\s*\n/).filter((block) => /^[A-Z"“]/.test(block)).at(-1)!;
    const lastWords = lastParagraph.replace(/[*_`[\]]/g, "").split(/\s+/).slice(-4).join(" ");
    await expect(page.locator(".article__body")).toContainText(lastWords.replace(/\(.*$/, "").trim());
    await expect(page.getByRole("heading", { name: "You might like" })).toBeVisible();
  });

  test("the cover image has its alt text and the home page works", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("main article h2 a").first()).toBeVisible();
    await page.goto("/news/spot-bitcoin-etfs-log-biggest-week-since-summer");
    await expect(page.locator(".article .cover-image img")).toHaveAttribute("alt", /.{10,}/);
  });
});
