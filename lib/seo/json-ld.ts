import "server-only";
import { siteConfig } from "../config";
import { toIsoDateTime } from "../content/dates";
import type { Author, Category, Post } from "../content/types";
import { absoluteUrl, authorPath, canonicalUrl, categoryPath, socialImage } from "./urls";

type JsonLd = Record<string, unknown>;

/**
 * JSON for a <script type="application/ld+json">: `<`, `>` and `&` become \u escapes, so no value
 * (a headline with `</script>` or `<!--`) can end the script element; U+2028/9 are escaped for old parsers.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function organization(): JsonLd {
  return {
    "@type": "Organization",
    "@id": `${absoluteUrl("/")}/#organization`,
    name: siteConfig.name,
    url: absoluteUrl("/"),
    logo: {
      "@type": "ImageObject",
      url: absoluteUrl(siteConfig.logo.path),
      width: siteConfig.logo.width,
      height: siteConfig.logo.height,
    },
    sameAs: siteConfig.social.map((link) => link.href),
  };
}

export function homeJsonLd(): JsonLd[] {
  return [
    {
      "@context": "https://schema.org",
      "@type": "WebSite",
      "@id": `${absoluteUrl("/")}/#website`,
      name: siteConfig.name,
      description: siteConfig.description,
      url: absoluteUrl("/"),
      inLanguage: siteConfig.language,
      publisher: { "@id": `${absoluteUrl("/")}/#organization` },
    },
    { "@context": "https://schema.org", ...organization() },
  ];
}

export function articleJsonLd(post: Post, author: Author | undefined, category: Category | undefined): JsonLd[] {
  const url = canonicalUrl(post);
  const article: JsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: post.title,
    description: post.description,
    image: [socialImage(post).url],
    datePublished: toIsoDateTime(post.date),
    dateModified: toIsoDateTime(post.updated ?? post.date),
    author: author && [{ "@type": "Person", name: author.name, url: absoluteUrl(authorPath(author.slug)) }],
    publisher: organization(),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    articleSection: category?.name,
    keywords: post.tags.map((tag) => tag.name),
    wordCount: post.wordCount,
    inLanguage: siteConfig.language,
  };
  const crumbs = [
    { name: siteConfig.name, item: absoluteUrl("/") },
    ...(category ? [{ name: category.name, item: absoluteUrl(categoryPath(category.slug)) }] : []),
    { name: post.title, item: url },
  ];
  const breadcrumbs: JsonLd = {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({ "@type": "ListItem", position: index + 1, ...crumb })),
  };
  return [article, breadcrumbs];
}

/** A coin's page: its place under the site's markets in breadcrumbs. */
export function coinJsonLd(coin: { name: string; path: string }, marketsPath: string): JsonLd[] {
  const crumbs = [
    { name: siteConfig.name, item: absoluteUrl("/") },
    { name: "Markets", item: absoluteUrl(marketsPath) },
    { name: coin.name, item: absoluteUrl(coin.path) },
  ];
  return [
    {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: crumbs.map((crumb, index) => ({ "@type": "ListItem", position: index + 1, ...crumb })),
    },
  ];
}
