import "server-only";
import { siteConfig } from "../config";
import { findListing, listingSlugs } from "../content/listings";
import { getLibrary } from "../content/store";
import { type FeedSpec, renderJsonFeed, renderRss } from "../seo/feeds";
import { URLS_PER_SITEMAP, renderNewsSitemap, renderSitemapIndex, renderUrlset, sitemapEntries } from "../seo/sitemaps";
import { absoluteUrl } from "../seo/urls";
import { xmlResponse } from "../seo/xml";

/** /sitemap.xml: one sitemap, or past 50,000 URLs an index of /sitemaps/<n>.xml. */
export function sitemapResponse(): Response {
  const entries = sitemapEntries(getLibrary());
  if (entries.length <= URLS_PER_SITEMAP) return xmlResponse(renderUrlset(entries));
  const files = Math.ceil(entries.length / URLS_PER_SITEMAP);
  return xmlResponse(renderSitemapIndex(Array.from({ length: files }, (_, index) => absoluteUrl(`/sitemaps/${index + 1}.xml`))));
}

export function sitemapPartParams(): { file: string }[] {
  const files = Math.ceil(sitemapEntries(getLibrary()).length / URLS_PER_SITEMAP);
  return files > 1 ? Array.from({ length: files }, (_, index) => ({ file: `${index + 1}.xml` })) : [];
}

export function sitemapPartResponse(file: string): Response {
  const part = Number(/^([1-9]\d*)\.xml$/.exec(file)?.[1]);
  const entries = sitemapEntries(getLibrary()).slice((part - 1) * URLS_PER_SITEMAP, part * URLS_PER_SITEMAP);
  if (!part || entries.length === 0) return new Response("Not found", { status: 404 });
  return xmlResponse(renderUrlset(entries));
}

export function newsSitemapResponse(): Response {
  return xmlResponse(renderNewsSitemap(getLibrary().posts, Date.now()));
}

const siteFeed = (feedPath: string): FeedSpec => ({
  title: siteConfig.name,
  description: siteConfig.description,
  homePath: "/",
  feedPath,
  posts: getLibrary().posts,
});

export const rssResponse = () => xmlResponse(renderRss(getLibrary(), siteFeed("/feed.xml")), "application/rss+xml");

export function jsonFeedResponse(): Response {
  return new Response(renderJsonFeed(getLibrary(), siteFeed("/feed.json")), {
    headers: { "Content-Type": "application/feed+json; charset=utf-8" },
  });
}

export function categoryFeedParams(): { slug: string }[] {
  return listingSlugs(getLibrary(), "category").map((slug) => ({ slug }));
}

export function categoryRssResponse(slug: string): Response {
  const listing = findListing(getLibrary(), "category", slug);
  if (!listing) return new Response("Not found", { status: 404 });
  const feed: FeedSpec = {
    title: `${siteConfig.name}: ${listing.title}`,
    description: listing.description,
    homePath: listing.basePath,
    feedPath: `${listing.basePath}/feed.xml`,
    posts: listing.posts,
  };
  return xmlResponse(renderRss(getLibrary(), feed), "application/rss+xml");
}
