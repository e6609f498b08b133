import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { hostileURL } from "../../playwright.config";
import { HOSTILE_AUTHOR, HOSTILE_CATEGORY, HOSTILE_DESCRIPTION, HOSTILE_TAG, HOSTILE_TITLE } from "../support/write-hostile-content";

// A second build whose content is hostile text: every format must carry it escaped and intact.
test.use({ baseURL: hostileURL });

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["url", "item", "category"].includes(name) });

test("HTML metadata and JSON-LD carry hostile text intact, and nothing breaks out of its element", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto("/news/hostile-story");
  await expect(page).toHaveTitle(`${HOSTILE_TITLE} | Hashline`);
  await expect(page.locator("h1")).toHaveText(HOSTILE_TITLE);
  expect(await page.locator('head meta[name="description"]').getAttribute("content")).toBe(HOSTILE_DESCRIPTION);
  expect(await page.locator('head meta[property="og:title"]').getAttribute("content")).toBe(HOSTILE_TITLE);
  expect(await page.locator('head meta[property="article:section"]').getAttribute("content")).toBe(HOSTILE_CATEGORY);

  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts).toHaveLength(1);
  const [article, breadcrumbs] = JSON.parse(scripts[0]!);
  expect(article.headline).toBe(HOSTILE_TITLE);
  expect(article.description).toBe(HOSTILE_DESCRIPTION);
  expect(article.author[0].name).toBe(HOSTILE_AUTHOR);
  expect(article.keywords).toContain(HOSTILE_TAG);
  expect(breadcrumbs.itemListElement[1].name).toBe(HOSTILE_CATEGORY);
  expect(scripts[0]).not.toMatch(/<\/script|<!--/i);
  expect(dialogs).toEqual([]);
  expect(await page.locator("iframe").count()).toBe(0);
});

test("RSS, JSON Feed and both sitemaps stay well-formed and carry the text intact", async ({ request }) => {
  const rssText = await (await request.get("/feed.xml")).text();
  expect(XMLValidator.validate(rssText)).toBe(true);
  const items = parser.parse(rssText).rss.channel.item;
  const hostile = items.find((item: { link: string }) => item.link.endsWith("/news/hostile-story"));
  expect(hostile.title).toBe(HOSTILE_TITLE);
  expect(hostile.description).toBe(HOSTILE_DESCRIPTION);
  expect(hostile["dc:creator"]).toBe(HOSTILE_AUTHOR);
  expect(hostile.category).toEqual(expect.arrayContaining([HOSTILE_CATEGORY, HOSTILE_TAG]));
  // Control characters XML cannot hold are dropped, the rest of the title kept.
  const control = items.find((item: { link: string }) => item.link.endsWith("/news/control-characters"));
  expect(control.title).toBe("Bell  and null  characters in a title");

  const feed = await (await request.get("/feed.json")).json();
  expect(feed.items.find((item: { url: string }) => item.url.endsWith("/news/hostile-story")).title).toBe(HOSTILE_TITLE);

  for (const path of ["/sitemap.xml", "/news-sitemap.xml", "/category/markets/feed.xml"]) {
    const text = await (await request.get(path)).text();
    expect(XMLValidator.validate(text), path).toBe(true);
  }
  const news = parser.parse(await (await request.get("/news-sitemap.xml")).text()).urlset.url;
  const entry = news.find((url: { loc: string }) => url.loc.endsWith("/news/hostile-story"));
  expect(entry["news:news"]["news:title"]).toBe(HOSTILE_TITLE);
  expect(entry["news:news"]["news:publication_date"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
});

test("a hostile or emoji title still yields a social image", async ({ request }) => {
  for (const slug of ["hostile-story", "control-characters"]) {
    const response = await request.get(`/og/${slug}.png`);
    expect(response.status(), slug).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
  }
});
