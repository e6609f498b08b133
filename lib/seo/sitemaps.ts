import "server-only";
import { siteConfig } from "../config";
import { toIsoDateTime } from "../content/dates";
import { listingSlugs, findListing, pagePath } from "../content/listings";
import type { Library } from "../content/queries";
import type { Post } from "../content/types";
import { MARKETS_PATH, coinPath } from "../market/coin-path";
import { knownCoins } from "../market/known-coins";
import { absoluteUrl, articlePath, canonicalUrl } from "./urls";
import { xmlDocument, xmlText } from "./xml";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
/** The protocol's limit of URLs in one sitemap file; past it, /sitemap.xml becomes an index. */
export const URLS_PER_SITEMAP = 50_000;
const NEWS_WINDOW_MS = 48 * 3_600_000;
const NEWS_LIMIT = 1_000;

export type SitemapEntry = { url: string; lastModified?: string };

function pageCount(posts: number) {
  return Math.max(1, Math.ceil(posts / siteConfig.postsPerPage));
}

function listingEntries(basePath: string, posts: Post[]): SitemapEntry[] {
  const lastModified = posts[0] && toIsoDateTime(posts[0].updated ?? posts[0].date);
  return Array.from({ length: pageCount(posts.length) }, (_, index) => ({
    url: absoluteUrl(pagePath(basePath, index + 1)),
    lastModified: index === 0 ? lastModified : undefined,
  }));
}

/** Every published article (unless it is canonical elsewhere), every listing page, home first, and the coin pages. */
export function sitemapEntries(library: Library): SitemapEntry[] {
  const articles = library.posts
    .filter((post) => canonicalUrl(post) === absoluteUrl(articlePath(post.slug)))
    .map((post) => ({ url: absoluteUrl(articlePath(post.slug)), lastModified: toIsoDateTime(post.updated ?? post.date) }));
  const listings = (["category", "tag", "author"] as const).flatMap((kind) =>
    listingSlugs(library, kind).flatMap((slug) => {
      const listing = findListing(library, kind, slug);
      return listing ? listingEntries(listing.basePath, listing.posts) : [];
    }),
  );
  // The market and every coin's page (their figures change all the time: no lastmod to claim).
  const markets = [{ url: absoluteUrl(MARKETS_PATH) }, ...knownCoins.map((coin) => ({ url: absoluteUrl(coinPath(coin.id)) }))];
  return [...listingEntries("/", library.posts), ...articles, ...listings, ...markets];
}

/** The entries split into sitemap files of at most `perFile` URLs each. */
export function splitSitemap(entries: SitemapEntry[], perFile = URLS_PER_SITEMAP): SitemapEntry[][] {
  return Array.from({ length: Math.ceil(entries.length / perFile) }, (_, index) =>
    entries.slice(index * perFile, (index + 1) * perFile),
  );
}

export function renderUrlset(entries: SitemapEntry[]): string {
  return xmlDocument((root) => {
    const urlset = root.ele(SITEMAP_NS, "urlset");
    for (const entry of entries) {
      const url = urlset.ele("url");
      url.ele("loc").txt(entry.url);
      if (entry.lastModified) url.ele("lastmod").txt(entry.lastModified);
    }
  });
}

export function renderSitemapIndex(urls: string[]): string {
  return xmlDocument((root) => {
    const index = root.ele(SITEMAP_NS, "sitemapindex");
    for (const url of urls) index.ele("sitemap").ele("loc").txt(url);
  });
}

/** Google News: articles first published in the last 48 hours, newest first, at most 1,000. */
export function renderNewsSitemap(posts: Post[], now: number): string {
  const recent = posts.filter((post) => now - post.publishedAt <= NEWS_WINDOW_MS && post.publishedAt <= now).slice(0, NEWS_LIMIT);
  return xmlDocument((root) => {
    const urlset = root.ele(SITEMAP_NS, "urlset").att("xmlns:news", NEWS_NS);
    for (const post of recent) {
      const url = urlset.ele("url");
      url.ele("loc").txt(absoluteUrl(articlePath(post.slug)));
      const news = url.ele("news:news");
      const publication = news.ele("news:publication");
      publication.ele("news:name").txt(siteConfig.name);
      publication.ele("news:language").txt(siteConfig.language);
      news.ele("news:publication_date").txt(toIsoDateTime(post.date));
      news.ele("news:title").txt(xmlText(post.title));
    }
  });
}
