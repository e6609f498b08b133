import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { published } from "./sample-content";
import { SITE, fetchXml } from "./support/xml";

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const xml = async (request: APIRequestContext, path: string, contentType: RegExp) => (await fetchXml(request, path, contentType)).document;

/** The site answers 200 for a URL written with SITE_URL's origin. */
async function expectLive(request: APIRequestContext, url: string) {
  expect(url === SITE || url.startsWith(`${SITE}/`), url).toBe(true);
  expect((await request.get(url.slice(SITE.length) || "/")).status(), url).toBe(200);
}

async function jsonLd(page: Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => JSON.parse(text) as Record<string, any>[]);
}

test("the sitemap lists the home, every published article and the listings, each answering 200", async ({ request }) => {
  const { urlset } = await xml(request, "/sitemap.xml", /application\/xml/);
  const locs: string[] = urlset.url.map((entry: { loc: string }) => entry.loc);
  expect(locs[0]).toBe(SITE);
  for (const post of published) expect(locs).toContain(`${SITE}/news/${post.slug}`);
  expect(locs.some((loc) => loc.includes("/category/"))).toBe(true);
  expect(locs).toContain(`${SITE}/page/2`);
  expect(new Set(locs).size).toBe(locs.length);
  for (const entry of urlset.url) if (entry.lastmod) expect(entry.lastmod).toMatch(ISO_WITH_ZONE);
  for (const loc of locs) await expectLive(request, loc);
});

test("the news sitemap has Google News's namespaces and only the last 48 hours", async ({ request }) => {
  const { urlset } = await xml(request, "/news-sitemap.xml", /application\/xml/);
  expect(urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
  expect(urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
  const recent = published.filter((post) => Date.now() - new Date(post.date).getTime() <= 48 * 3_600_000);
  expect(urlset.url ?? []).toHaveLength(recent.length);
});

test("robots.txt allows crawling, names both sitemaps and keeps /api/ out", async ({ request }) => {
  const text = await (await request.get("/robots.txt")).text();
  expect(text).toMatch(/User-Agent: \*/i);
  expect(text).toMatch(/^Allow: \/$/m);
  expect(text).toMatch(/^Disallow: \/api\/$/m);
  expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  expect(text).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
});

test("the RSS feed is RSS 2.0 with the latest articles, every link live", async ({ request }) => {
  const { rss } = await xml(request, "/feed.xml", /application\/rss\+xml/);
  expect(rss["@version"]).toBe("2.0");
  const { channel } = rss;
  expect(channel.title).toBe("Hashline");
  expect(channel.link).toBe(SITE);
  expect(channel.description).toBeTruthy();
  expect(channel["atom:link"]).toMatchObject({ "@href": `${SITE}/feed.xml`, "@rel": "self", "@type": "application/rss+xml" });
  expect(channel.item.map((item: { title: string }) => item.title)).toEqual(published.slice(0, 50).map((post) => post.title));
  for (const item of channel.item) {
    expect(item.pubDate).toMatch(RFC822);
    expect(item.guid["#text"]).toBe(item.link);
    expect(item.description).toBeTruthy();
    expect(item["dc:creator"]).toBeTruthy();
    expect(item.author).toBe(`newsroom@hashline.news (${item["dc:creator"]})`);
    expect(item.category.length).toBeGreaterThan(0);
    await expectLive(request, item.link);
  }
});

test("each category has its own feed of its own stories", async ({ request }) => {
  const { rss } = await xml(request, "/category/regulation/feed.xml", /application\/rss\+xml/);
  const expected = published.filter((post) => post.category === "regulation").map((post) => post.title);
  expect(rss.channel.item.map((item: { title: string }) => item.title)).toEqual(expected);
  expect(rss.channel["atom:link"]["@href"]).toBe(`${SITE}/category/regulation/feed.xml`);
  expect((await request.get("/category/no-such-desk/feed.xml")).status()).toBe(404);
});

test("the JSON Feed is version 1.1 with the latest articles", async ({ request }) => {
  const response = await request.get("/feed.json");
  expect(response.headers()["content-type"]).toMatch(/application\/feed\+json/);
  const feed = await response.json();
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(feed.feed_url).toBe(`${SITE}/feed.json`);
  expect(feed.items.map((item: { title: string }) => item.title)).toEqual(published.slice(0, 50).map((post) => post.title));
  for (const item of feed.items) {
    expect(item.id).toBe(item.url);
    expect(item.content_html).toBeTruthy();
    expect(item.date_published).toMatch(ISO_WITH_ZONE);
    expect(item.authors[0].name).toBeTruthy();
  }
});

test("an article carries full metadata: title, description, canonical, Open Graph, Twitter and JSON-LD", async ({ page }) => {
  const post = published.find((p) => p.slug === "exchange-freezes-ransomware-gang-funds")!;
  await page.goto(`/news/${post.slug}`);
  const meta = (selector: string) => page.locator(`head ${selector}`).first().getAttribute("content");
  await expect(page).toHaveTitle(`${post.title} | Hashline`);
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  expect(await meta('meta[name="description"]')).toBeTruthy();
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(`${SITE}/news/${post.slug}`);
  expect(await meta('meta[property="og:type"]')).toBe("article");
  expect(await meta('meta[property="og:url"]')).toBe(`${SITE}/news/${post.slug}`);
  expect(await meta('meta[property="og:site_name"]')).toBe("Hashline");
  expect(await meta('meta[property="og:image"]')).toBe(`${SITE}/og/${post.slug}.png`);
  expect(await meta('meta[property="article:published_time"]')).toMatch(ISO_WITH_ZONE);
  expect(await meta('meta[property="article:modified_time"]')).toMatch(ISO_WITH_ZONE);
  expect(await meta('meta[property="article:author"]')).toBe(`${SITE}/author/${post.author}`);
  expect(await meta('meta[property="article:section"]')).toBe("Security");
  expect(await page.locator('head meta[property="article:tag"]').count()).toBe(post.tags!.length);
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  expect(await page.locator('head link[rel="alternate"][type="application/rss+xml"]').getAttribute("href")).toBe(`${SITE}/feed.xml`);

  const [article, breadcrumbs] = await jsonLd(page);
  expect(article).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: post.title,
    image: [`${SITE}/og/${post.slug}.png`],
    author: [{ "@type": "Person", url: `${SITE}/author/${post.author}` }],
    publisher: { "@type": "Organization", name: "Hashline", logo: { url: `${SITE}/logo.png` } },
    mainEntityOfPage: { "@id": `${SITE}/news/${post.slug}` },
    articleSection: "Security",
    keywords: post.tags,
  });
  expect(article!.datePublished).toMatch(ISO_WITH_ZONE);
  expect(Date.parse(article!.dateModified)).toBeGreaterThanOrEqual(Date.parse(article!.datePublished));
  expect(breadcrumbs!["@type"]).toBe("BreadcrumbList");
  expect(breadcrumbs!.itemListElement.map((item: { name: string }) => item.name)).toEqual(["Hashline", "Security", post.title]);
});

test("a cover image is the article's social image; others get a generated 1200×630 PNG", async ({ page, request }) => {
  await page.goto("/news/spot-bitcoin-etfs-log-biggest-week-since-summer");
  expect(await page.locator('head meta[property="og:image"]').getAttribute("content")).toBe(`${SITE}/images/etf-flows-chart.jpg`);
  const response = await request.get("/og/exchange-freezes-ransomware-gang-funds.png");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const png = await response.body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test("the home page has WebSite and Organization data; listing pages 2+ have their own title and canonical", async ({ page }) => {
  await page.goto("/");
  const types = (await jsonLd(page)).map((item) => item["@type"]);
  expect(types).toEqual(["WebSite", "Organization"]);
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(SITE);
  const homeTitle = await page.title();

  await page.goto("/page/2");
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(`${SITE}/page/2`);
  expect(await page.title()).not.toBe(homeTitle);
  expect(await page.title()).toContain("page 2");
});
