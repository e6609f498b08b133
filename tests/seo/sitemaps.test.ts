import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { createLibrary } from "@/lib/content/queries";
import { URLS_PER_SITEMAP, renderNewsSitemap, renderSitemapIndex, sitemapEntries, splitSitemap } from "@/lib/seo/sitemaps";

const NOW = Date.UTC(2025, 0, 1);
const { content } = loadContent("tests/fixtures/content/valid", { now: NOW });
const library = createLibrary(content);
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "sitemap"].includes(name) });

describe("sitemaps", () => {
  it("list published articles with lastmod from updated or date, and no drafts or scheduled posts", () => {
    const entries = sitemapEntries(library);
    const urls = entries.map((entry) => entry.url);
    expect(urls).toContain("http://localhost:3000/news/etf-flows");
    expect(urls.some((url) => /unfinished-story|future-story/.test(url))).toBe(false);
    expect(entries.find((entry) => entry.url.endsWith("/news/etf-flows"))?.lastModified).toBe("2024-03-02T10:00:00.000Z");
    expect(entries.find((entry) => entry.url.endsWith("/news/sec-ruling"))?.lastModified).toBe("2024-02-20T09:30:00.000Z");
  });

  it("split past 50,000 URLs, indexed by a sitemap index", () => {
    const many = Array.from({ length: URLS_PER_SITEMAP + 1 }, (_, index) => ({ url: `http://localhost:3000/x/${index}` }));
    const parts = splitSitemap(many);
    expect(parts.map((part) => part.length)).toEqual([URLS_PER_SITEMAP, 1]);
    expect(splitSitemap(many.slice(0, URLS_PER_SITEMAP))).toHaveLength(1);
    const index = renderSitemapIndex(["http://localhost:3000/sitemaps/1.xml", "http://localhost:3000/sitemaps/2.xml"]);
    expect(XMLValidator.validate(index)).toBe(true);
    expect(parser.parse(index).sitemapindex.sitemap).toHaveLength(2);
  });

  it("keep only the last 48 hours in the news sitemap", () => {
    const justAfter = Date.UTC(2024, 2, 2, 12); // 36 h after etf-flows, 11 days after sec-ruling
    const news = parser.parse(renderNewsSitemap(library.posts, justAfter)).urlset.url;
    expect(news.map((url: { loc: string }) => url.loc)).toEqual(["http://localhost:3000/news/etf-flows"]);
    // A date alone is noon UTC: the day the editor wrote, in any reader's time zone.
    expect(news[0]["news:news"]["news:publication_date"]).toBe("2024-03-01T12:00:00.000Z");
  });
});
