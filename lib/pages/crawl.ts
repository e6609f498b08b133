import "server-only";
import { siteConfig } from "../config";
import { findListing, listingSlugs } from "../content/listings";
import { getLibrary } from "../content/store";
import { type FeedSpec, renderJsonFeed, renderRss } from "../seo/feeds";
import { renderNewsSitemap, renderSitemapIndex, renderUrlset, sitemapEntries, splitSitemap } from "../seo/sitemaps";
import { absoluteUrl } from "../seo/urls";
import { xmlResponse } from "../seo/xml";

/** /sitemap.xml: one sitemap, or past 50,000 URLs an index of /sitemaps/<n>.xml. */
export function sitemapResponse(): Response {
  const parts = splitSitemap(sitemapEntries(getLibrary()));
  if (parts.length <= 1) return xmlResponse(renderUrlset(parts[0] ?? []));
  return xmlResponse(renderSitemapIndex(parts.map((_, index) => absoluteUrl(`/sitemaps/${index + 1}.xml`))));
}

export function sitemapPartParams(): { file: string }[] {
  const parts = splitSitemap(sitemapEntries(getLibrary()));
  return parts.length > 1 ? parts.map((_, index) => ({ file: `${index + 1}.xml` })) : [];
}

export function sitemapPartResponse(file: string): Response {
  const part = splitSitemap(sitemapEntries(getLibrary()))[Number(/^([1-9]\d*)\.xml$/.exec(file)?.[1]) - 1];
  return part ? xmlResponse(renderUrlset(part)) : new Response("Not found", { status: 404 });
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
