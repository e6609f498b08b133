import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { tagSlug } from "../../lib/content/tags";
import { PER_PAGE, type SamplePost, authorSlugs, categorySlugs, published, unpublished } from "./sample-content";
import { fixture } from "../support/market-fixtures";
import { SITE, fetchXml } from "./support/xml";

// The README's promise: drafts and scheduled posts appear nowhere a reader or crawler can reach. The posts
// come from the content (tests/e2e/sample-content.ts), where the run adds drafts and posts scheduled after it.

// Pages are read as the server sends them; without JavaScript no ticker calls the fake upstream, whose calls
// the market tests count.
test.use({ javaScriptEnabled: false });

/** A listing and the published posts it should hold: none means it must not exist. */
type Listing = { path: string; posts: SamplePost[] };

const tagSlugs = new Set([...published, ...unpublished].flatMap((post) => (post.tags ?? []).map(tagSlug)));
const listings: Listing[] = [
  { path: "/", posts: published },
  ...categorySlugs.map((slug) => ({ path: `/category/${slug}`, posts: published.filter((post) => post.category === slug) })),
  ...[...tagSlugs].map((slug) => ({ path: `/tag/${slug}`, posts: published.filter((post) => post.tags?.some((tag) => tagSlug(tag) === slug)) })),
  ...authorSlugs.map((slug) => ({ path: `/author/${slug}`, posts: published.filter((post) => post.author === slug) })),
];
const liveListings = listings.filter((listing) => listing.posts.length > 0);
/** Categories, tags and authors that only unpublished posts have: their pages would give those posts away. */
const unpublishedOnlyListings = listings.filter((listing) => listing.posts.length === 0).map((listing) => listing.path);

const pageCount = (listing: Listing) => Math.ceil(listing.posts.length / PER_PAGE);
const pagePath = (listing: Listing, page: number) => (page === 1 ? listing.path : `${listing.path === "/" ? "" : listing.path}/page/${page}`);
const listingPages = (listing: Listing) => Array.from({ length: pageCount(listing) }, (_, index) => pagePath(listing, index + 1));

/** A slug, or a path (also at the end of an absolute URL), as a whole: not part of a longer one. */
const whole = (text: string) =>
  new RegExp(`${text.startsWith("/") ? "" : "(?<![\\w-])"}${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`);
const articlePaths = (posts: SamplePost[]) => posts.map((post) => `/news/${post.slug}`).sort();

/**
 * Fails when a response names an unpublished post or links to a listing only unpublished posts fill.
 * `raw` is the response as sent (links, and the data Next.js embeds for the page); `readable` is what a
 * reader or feed reader sees, with entities decoded and highlighting marks removed, where a title is looked for.
 */
function expectNothingUnpublished(where: string, raw: string, readable: string) {
  for (const post of unpublished) {
    expect(raw, `${where} names the unpublished ${post.slug}`).not.toMatch(whole(post.slug));
    expect(readable, `${where} shows the title of the unpublished ${post.slug}`).not.toContain(post.title);
  }
  for (const path of unpublishedOnlyListings) expect(raw, `${where} links to ${path}`).not.toMatch(whole(path));
}

/** Every text of a parsed feed, sitemap or JSON answer, one a line. */
const strings = (value: unknown): string =>
  value !== null && typeof value === "object" ? Object.values(value).map(strings).join("\n") : String(value);

/** Opens a page that must exist and checks it whole; the page is left open for the caller's own checks. */
async function openPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const readable = await page.evaluate(() =>
    [document.documentElement.textContent, ...[...document.querySelectorAll("*")].flatMap((element) => [...element.attributes].map((attribute) => attribute.value))].join("\n"),
  );
  expectNothingUnpublished(path, await response!.text(), readable);
}

async function checkXml(request: APIRequestContext, path: string, contentType: RegExp) {
  const { text, document } = await fetchXml(request, path, contentType);
  expectNothingUnpublished(path, text, strings(document));
  return document;
}

async function checkJson(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const text = await response.text();
  const json = JSON.parse(text);
  expectNothingUnpublished(path, text, strings(json));
  return json;
}

const cardLinks = (page: Page) => page.locator("main article h2 a").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));

test("the run has drafts and posts scheduled after it, and published stories sharing their tags", () => {
  const now = Date.now();
  expect(unpublished.some((post) => post.draft)).toBe(true);
  expect(unpublished.some((post) => !post.draft && new Date(post.date).getTime() > now)).toBe(true);
  // Only then would a leak reach the tag pages and "You might like" of published stories.
  const publishedTags = new Set(published.flatMap((post) => (post.tags ?? []).map(tagSlug)));
  expect(unpublished.some((post) => post.tags?.some((tag) => publishedTags.has(tagSlug(tag))))).toBe(true);
  expect(unpublishedOnlyListings.length).toBeGreaterThan(0);
});

test("home, category, tag and author listings, every page, hold the published posts alone", async ({ page, request }) => {
  test.setTimeout(180_000);
  for (const listing of liveListings) {
    const shown: string[] = [];
    const pages = pageCount(listing);
    for (const [index, path] of listingPages(listing).entries()) {
      await openPage(page, path);
      shown.push(...(await cardLinks(page)));
      if (pages > 1) await expect(page.getByText(`Page ${index + 1} of ${pages}`), path).toBeVisible();
    }
    expect(shown.sort(), `the cards of ${listing.path}`).toEqual(articlePaths(listing.posts));
    expect((await request.get(pagePath(listing, pages + 1))).status(), `a page past ${listing.path}'s last`).toBe(404);
  }
});

test("their articles, social images, and the listings only they would fill answer 404", async ({ request }) => {
  for (const post of unpublished) {
    expect((await request.get(`/news/${post.slug}`)).status(), post.slug).toBe(404);
    expect((await request.get(`/og/${post.slug}.png`)).status(), post.slug).toBe(404);
  }
  for (const path of unpublishedOnlyListings) {
    expect((await request.get(path)).status(), path).toBe(404);
    if (path.startsWith("/category/")) expect((await request.get(`${path}/feed.xml`)).status(), path).toBe(404);
  }
});

test("every published article, and its \"You might like\", leaves them out", async ({ page }) => {
  const publishedPaths = articlePaths(published);
  for (const post of published) {
    await openPage(page, `/news/${post.slug}`);
    const related = await page.locator(".related article h3 a").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    for (const href of related) expect(publishedPaths, `"You might like" on ${post.slug}`).toContain(href);
  }
});

test("feeds and sitemaps list the published posts alone", async ({ request }) => {
  await checkXml(request, "/feed.xml", /application\/rss\+xml/);
  await checkJson(request, "/feed.json");
  for (const listing of liveListings.filter(({ path }) => path.startsWith("/category/"))) {
    await checkXml(request, `${listing.path}/feed.xml`, /application\/rss\+xml/);
  }
  await checkXml(request, "/news-sitemap.xml", /application\/xml/);

  const sitemap = await checkXml(request, "/sitemap.xml", /application\/xml/);
  // Past 50,000 URLs the sitemap is an index of parts.
  const parts: string[] = sitemap.sitemapindex ? sitemap.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc.slice(SITE.length)) : [];
  const urlsets = sitemap.urlset ? [sitemap.urlset] : [];
  for (const part of parts) urlsets.push((await checkXml(request, part, /application\/xml/)).urlset);
  const paths = urlsets.flatMap((urlset) => urlset.url.map((entry: { loc: string }) => entry.loc.slice(SITE.length) || "/"));
  const listed = published.filter((post) => !post.canonical);
  expect(paths.filter((path) => path.startsWith("/news/")).sort()).toEqual(articlePaths(listed));
  const isCoinPage = (path: string) => path === "/coins" || path.startsWith("/coins/");
  expect(paths.filter((path) => !path.startsWith("/news/") && !isCoinPage(path)).sort()).toEqual(liveListings.flatMap(listingPages).sort());
  // And the market: every coin the site knows (the bundled top 100) has its page listed.
  const knownCoinIds: string[] = fixture("coingecko-coins-markets-top100.json").map((coin: { id: string }) => coin.id);
  expect(paths.filter(isCoinPage).sort()).toEqual(["/coins", ...knownCoinIds.map((id) => `/coins/${id}`)].sort());
});

test("search neither suggests nor finds them", async ({ page, request }) => {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const publishedTitleWords = new Set(published.flatMap((post) => words(post.title)));
  for (const post of unpublished) {
    // The words that would bring this post up rather than a published one.
    const distinctive = words(post.title).filter((word) => word.length >= 4 && !publishedTitleWords.has(word));
    // Not the whole title: the results page repeats the query, which would read as the title shown.
    const query = encodeURIComponent((distinctive.length > 0 ? distinctive : words(post.title)).slice(0, 4).join(" "));
    await checkJson(request, `/api/search?q=${query}`);
    await openPage(page, `/search?q=${query}`);
  }
});
