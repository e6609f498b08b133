import type { Library } from "./queries";
import type { Author, Post } from "./types";

export type ListingKind = "category" | "tag" | "author";

/** Everything a paginated list of posts needs: home, a category, a tag or an author. */
export type Listing = {
  title: string;
  description: string;
  /** Page 1's URL; later pages are `${basePath}/page/n` (home: `/page/n`). */
  basePath: string;
  posts: Post[];
  author?: Author;
};

export function homeListing(library: Library, description: string): Listing {
  return { title: "Latest news", description, basePath: "/", posts: library.posts };
}

export function findListing(library: Library, kind: ListingKind, slug: string): Listing | undefined {
  const basePath = `/${kind}/${slug}`;
  if (kind === "category") {
    const category = library.getCategory(slug);
    const posts = library.postsInCategory(slug);
    return category && posts.length ? { title: category.name, description: category.description, basePath, posts } : undefined;
  }
  if (kind === "tag") {
    const tag = library.getTag(slug);
    return tag && { title: tag.name, description: `Stories tagged “${tag.name}”.`, basePath, posts: library.postsWithTag(slug) };
  }
  const author = library.getAuthor(slug);
  const posts = library.postsByAuthor(slug);
  return author && posts.length
    ? { title: author.name, description: author.role ?? `Stories by ${author.name}.`, basePath, posts, author }
    : undefined;
}

/** The slugs that have a listing page of this kind: only those with something to list. */
export function listingSlugs(library: Library, kind: ListingKind): string[] {
  if (kind === "category") return library.categoriesWithPosts().map((category) => category.slug);
  if (kind === "tag") return library.tags().map((tag) => tag.slug);
  return library.authorsWithPosts().map((author) => author.slug);
}

export function pagePath(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath === "/" ? "" : basePath}/page/${page}`;
}
