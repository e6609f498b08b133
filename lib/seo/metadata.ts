import "server-only";
import type { Metadata } from "next";
import { siteConfig } from "../config";
import { toIsoDateTime } from "../content/dates";
import type { Author, Category, Post } from "../content/types";
import { absoluteUrl, authorPath, canonicalUrl, socialImage } from "./urls";

type Image = { url: string; width?: number; height?: number; alt: string };

const defaultImage: Image = {
  url: absoluteUrl(siteConfig.logo.path),
  width: siteConfig.logo.width,
  height: siteConfig.logo.height,
  alt: siteConfig.name,
};

/**
 * Next merges metadata one key deep: a page's `openGraph` or `alternates` replaces the layout's whole.
 * So every page's metadata is built here complete: canonical, feed links, Open Graph and Twitter card.
 */
function pageMetadata(page: {
  title?: string;
  description: string;
  canonical: string;
  image?: Image;
  openGraph?: Partial<NonNullable<Metadata["openGraph"]>>;
  /** The page's own RSS feed, listed before the site's. */
  feed?: { title: string; path: string };
}): Metadata {
  const image = page.image ?? defaultImage;
  const title = page.title ?? `${siteConfig.name}: ${siteConfig.tagline}`;
  return {
    ...(page.title && { title: page.title }),
    description: page.description,
    alternates: {
      canonical: page.canonical,
      types: {
        "application/rss+xml": [
          ...(page.feed ? [{ url: page.feed.path, title: `${page.feed.title} (RSS)` }] : []),
          { url: "/feed.xml", title: `${siteConfig.name}: latest news (RSS)` },
        ],
        "application/feed+json": [{ url: "/feed.json", title: `${siteConfig.name}: latest news (JSON Feed)` }],
      },
    },
    openGraph: {
      type: "website",
      siteName: siteConfig.name,
      locale: siteConfig.locale,
      title,
      description: page.description,
      url: page.canonical,
      images: [image],
      ...page.openGraph,
    } as Metadata["openGraph"],
    twitter: {
      card: "summary_large_image",
      site: siteConfig.twitterHandle,
      title,
      description: page.description,
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}

/** The root layout's defaults: base URL, title template, description, feeds. */
export function siteMetadata(): Metadata {
  return {
    metadataBase: new URL(siteConfig.url),
    title: { default: `${siteConfig.name}: ${siteConfig.tagline}`, template: `%s | ${siteConfig.name}` },
    applicationName: siteConfig.name,
    ...pageMetadata({ description: siteConfig.description, canonical: absoluteUrl("/") }),
  };
}

export function listingPageMetadata(listing: { title?: string; description: string; path: string }): Metadata {
  return pageMetadata({ title: listing.title, description: listing.description, canonical: absoluteUrl(listing.path) });
}

export function articlePageMetadata(post: Post, author: Author | undefined, category: Category | undefined): Metadata {
  return pageMetadata({
    title: post.title,
    description: post.description,
    canonical: canonicalUrl(post),
    image: socialImage(post),
    openGraph: {
      type: "article",
      title: post.title,
      publishedTime: toIsoDateTime(post.date),
      modifiedTime: toIsoDateTime(post.updated ?? post.date),
      authors: author ? [absoluteUrl(authorPath(author.slug))] : undefined,
      section: category?.name,
      tags: post.tags.map((tag) => tag.name),
    },
  });
}

export function marketPageMetadata(path: string): Metadata {
  return pageMetadata({
    title: "Crypto prices today: the top 100 coins by market cap",
    description:
      "Prices, 1h, 24h and 7-day changes, market caps and volumes of the 100 largest cryptocurrencies, with the global market and Fear & Greed.",
    canonical: absoluteUrl(path),
  });
}

/** A coin's page: "Bitcoin (BTC) price, chart and news", with its own news feed. */
export function coinPageMetadata(coin: { name: string; symbol: string; path: string; hasFeed: boolean }): Metadata {
  const name = `${coin.name} (${coin.symbol})`;
  return pageMetadata({
    title: `${name} price, chart and news`,
    description: `${name}: price, market cap, supply, all-time high and low, charts from a day to all time, a converter to US dollars, and ${siteConfig.name}'s stories.`,
    canonical: absoluteUrl(coin.path),
    feed: coin.hasFeed ? { title: `${siteConfig.name}: ${coin.name} news`, path: `${coin.path}/feed.xml` } : undefined,
  });
}
