import { describe, expect, it } from "vitest";
import { findListing, listingSlugs, pagePath } from "@/lib/content/listings";
import { loadContent } from "@/lib/content/load";
import { createLibrary, paginate } from "@/lib/content/queries";

const { content } = loadContent("tests/fixtures/content/valid", { now: Date.UTC(2025, 0, 1) });
const site = createLibrary(content);
const preview = createLibrary(content, { includeUnpublished: true });

describe("createLibrary", () => {
  it("publishes neither drafts nor scheduled posts anywhere", () => {
    expect(site.posts.map((post) => post.slug)).toEqual(["etf-flows", "sec-ruling", "windows-post"]);
    expect(site.getPost("unfinished-story")).toBeUndefined();
    expect(site.getPost("future-story")).toBeUndefined();
    expect(site.getTag("secret-tag")).toBeUndefined();
    expect(site.postsWithTag("etf").map((post) => post.slug)).toEqual(["etf-flows"]);
    expect(site.categoriesWithPosts().map((category) => category.slug)).toEqual(["markets", "regulation"]);
    expect(listingSlugs(site, "category")).not.toContain("defi");
    expect(findListing(site, "category", "defi")).toBeUndefined();
  });

  it("shows drafts and scheduled posts in the editors' preview", () => {
    expect(preview.getPost("unfinished-story")?.status).toBe("draft");
    expect(preview.getPost("future-story")?.status).toBe("scheduled");
    expect(preview.categoriesWithPosts().map((category) => category.slug)).toContain("defi");
  });

  it("publishes a scheduled post at its moment, with its category and tags, and says when it next changes", () => {
    const moment = Date.UTC(2999, 0, 1);
    const before = createLibrary(content, { now: moment - 1 });
    expect(before.getPost("future-story")).toBeUndefined();
    expect(before.categoriesWithPosts().map((category) => category.slug)).not.toContain("defi");
    expect(before.validUntil).toBe(moment);

    const at = createLibrary(content, { now: moment });
    expect(at.getPost("future-story")?.status).toBe("published");
    expect(at.posts[0]?.slug).toBe("future-story");
    expect(at.postsWithTag("etf").map((post) => post.slug)).toEqual(["future-story", "etf-flows"]);
    expect(findListing(at, "category", "defi")?.posts.map((post) => post.slug)).toEqual(["future-story"]);
    expect(at.getPost("unfinished-story")).toBeUndefined();
    expect(at.validUntil).toBe(Infinity);
    // The loaded content is left as it was: a library is a view of it at one moment.
    expect(content.posts.find((post) => post.slug === "future-story")?.status).toBe("scheduled");
  });

  it("groups tags by slug, titled with the newest post's spelling", () => {
    expect(site.postsWithTag("turkiye").map((post) => post.slug)).toEqual(["etf-flows", "sec-ruling"]);
    expect(site.getTag("turkiye")?.name).toBe("Türkiye");
    expect(findListing(site, "tag", "turkiye")?.title).toBe("Türkiye");
  });

  it("puts the editor's related picks first, then posts sharing tags or category", () => {
    const etf = site.getPost("etf-flows")!;
    expect(site.relatedPosts(etf, 3).map((post) => post.slug)).toEqual(["sec-ruling", "windows-post"]);
    const windows = site.getPost("windows-post")!;
    expect(site.relatedPosts(windows, 3).map((post) => post.slug)).toEqual(["etf-flows"]);
  });

  it("never offers an unpublished post as related", () => {
    for (const post of site.posts) {
      for (const related of site.relatedPosts(post, 10)) expect(related.status).toBe("published");
    }
  });

  it("finds author listings with the author and 404s unknown ones", () => {
    expect(findListing(site, "author", "alice")?.author?.name).toBe("Alice Example");
    expect(findListing(site, "author", "nobody")).toBeUndefined();
    expect(findListing(site, "tag", "nope")).toBeUndefined();
  });
});

describe("relatedPosts across many posts", () => {
  // Tags that share slugs, dates that tie, picks: the cases the ranking rule has to settle.
  const tagNames = ["Bitcoin", "bitcoin", "ETF", "DeFi", "Mining", "Türkiye", "Turkiye"];
  const slugOf = (name: string) => name.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  const random = (() => {
    let seed = 7;
    return () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  })();
  const posts = Array.from({ length: 120 }, (_, index) => ({
    ...site.posts[0]!,
    slug: `post-${index}`,
    category: ["markets", "regulation", "defi"][Math.floor(random() * 3)]!,
    tags: tagNames.filter(() => random() < 0.3).map((name) => ({ name, slug: slugOf(name) })),
    related: random() < 0.2 ? [`post-${Math.floor(random() * 120)}`].filter((slug) => slug !== `post-${index}`) : [],
    publishedAt: Date.UTC(2024, 0, 1 + Math.floor(random() * 30)),
  })).sort((a, b) => b.publishedAt - a.publishedAt || a.slug.localeCompare(b.slug));
  const library = createLibrary({ ...content, posts });

  /** The rule as written for editors, applied to every pair of posts. */
  function expected(post: (typeof posts)[number], count: number) {
    const picks = post.related.map((slug) => posts.find((other) => other.slug === slug)!);
    const postTags = new Set(post.tags.map((tag) => tag.slug));
    const scored = posts
      .filter((other) => other.slug !== post.slug && !post.related.includes(other.slug))
      .map((other) => ({
        other,
        score: 2 * other.tags.filter((tag) => postTags.has(tag.slug)).length + (other.category === post.category ? 1 : 0),
      }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || b.other.publishedAt - a.other.publishedAt)
      .map(({ other }) => other);
    return [...picks, ...scored].slice(0, count).map((other) => other.slug);
  }

  it("ranks as the rule says, for every post", () => {
    for (const post of posts) {
      for (const count of [3, 40]) expect(library.relatedPosts(post, count).map((other) => other.slug)).toEqual(expected(post, count));
    }
  });
});

describe("pagination", () => {
  const items = Array.from({ length: 25 }, (_, index) => index);

  it("slices pages and refuses pages that do not exist", () => {
    expect(paginate(items, 1, 10)).toEqual({ items: items.slice(0, 10), page: 1, totalPages: 3 });
    expect(paginate(items, 3, 10)?.items).toEqual([20, 21, 22, 23, 24]);
    expect(paginate(items, 4, 10)).toBeUndefined();
    expect(paginate(items, 0, 10)).toBeUndefined();
    expect(paginate(items, 1.5, 10)).toBeUndefined();
  });

  it("puts page 1 at the list's own URL", () => {
    expect(pagePath("/", 1)).toBe("/");
    expect(pagePath("/", 2)).toBe("/page/2");
    expect(pagePath("/tag/etf", 3)).toBe("/tag/etf/page/3");
  });
});
