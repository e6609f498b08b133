import "server-only";
import { siteConfig } from "../config";
import { toIsoDateTime } from "../content/dates";
import type { Library } from "../content/queries";
import type { Post } from "../content/types";
import { absoluteUrl, articlePath, authorPath, socialImage } from "./urls";
import { xmlDocument, xmlText } from "./xml";

export type FeedSpec = { title: string; description: string; homePath: string; feedPath: string; posts: Post[] };

function feedItems(library: Library, posts: Post[]) {
  return posts.slice(0, siteConfig.feedSize).map((post) => ({
    post,
    url: absoluteUrl(articlePath(post.slug)),
    author: library.getAuthor(post.author),
    category: library.getCategory(post.category),
  }));
}

/** RSS 2.0, with the atom:link to itself that validators ask for; dates in RFC 822 form. */
export function renderRss(library: Library, feed: FeedSpec): string {
  const items = feedItems(library, feed.posts);
  return xmlDocument((root) => {
    const rss = root
      .ele("rss")
      .att({ version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom", "xmlns:dc": "http://purl.org/dc/elements/1.1/" });
    const channel = rss.ele("channel");
    channel.ele("title").txt(xmlText(feed.title));
    channel.ele("link").txt(absoluteUrl(feed.homePath));
    channel.ele("description").txt(xmlText(feed.description));
    channel.ele("language").txt(siteConfig.language);
    if (items[0]) channel.ele("lastBuildDate").txt(new Date(toIsoDateTime(items[0].post.date)).toUTCString());
    channel.ele("atom:link").att({ href: absoluteUrl(feed.feedPath), rel: "self", type: "application/rss+xml" });
    for (const { post, url, author, category } of items) {
      const item = channel.ele("item");
      item.ele("title").txt(xmlText(post.title));
      item.ele("link").txt(url);
      item.ele("guid").att("isPermaLink", "true").txt(url);
      item.ele("pubDate").txt(new Date(toIsoDateTime(post.date)).toUTCString());
      item.ele("description").txt(xmlText(post.description));
      // RSS's <author> must be an e-mail address ("address (Name)"); dc:creator carries the name alone.
      if (author) {
        item.ele("author").txt(xmlText(`${siteConfig.newsroomEmail} (${author.name})`));
        item.ele("dc:creator").txt(xmlText(author.name));
      }
      if (category) item.ele("category").txt(xmlText(category.name));
      for (const tag of post.tags) item.ele("category").txt(xmlText(tag.name));
    }
  });
}

/** JSON Feed 1.1. */
export function renderJsonFeed(library: Library, feed: FeedSpec): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: absoluteUrl(feed.homePath),
    feed_url: absoluteUrl(feed.feedPath),
    description: feed.description,
    language: siteConfig.language,
    icon: absoluteUrl(siteConfig.logo.path),
    authors: [{ name: siteConfig.name, url: absoluteUrl("/") }],
    items: feedItems(library, feed.posts).map(({ post, url, author, category }) => ({
      id: url,
      url,
      title: post.title,
      summary: post.description,
      content_html: library.bodyHtml(post),
      image: socialImage(post).url,
      date_published: toIsoDateTime(post.date),
      date_modified: toIsoDateTime(post.updated ?? post.date),
      authors: author ? [{ name: author.name, url: absoluteUrl(authorPath(author.slug)) }] : undefined,
      tags: [...(category ? [category.name] : []), ...post.tags.map((tag) => tag.name)],
    })),
  });
}
