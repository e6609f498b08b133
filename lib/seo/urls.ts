import "server-only";
import { siteConfig } from "../config";
import type { Post } from "../content/types";

/**
 * An absolute URL on this site, from a path such as /news/slug. The home is the bare origin
 * (no trailing slash), the form Next.js prints in its canonical link, so every format agrees.
 */
export function absoluteUrl(path: string): string {
  return path === "/" ? siteConfig.url : new URL(path, `${siteConfig.url}/`).href;
}

export const articlePath = (slug: string) => `/news/${slug}`;
export const authorPath = (slug: string) => `/author/${slug}`;
export const categoryPath = (slug: string) => `/category/${slug}`;
export const tagPath = (slug: string) => `/tag/${slug}`;
/** The generated social image of a post without a cover. */
export const generatedImagePath = (slug: string) => `/og/${slug}.png`;

/** The editor's `canonical` when the story first ran elsewhere, else the article's own URL. */
export function canonicalUrl(post: Post): string {
  return post.canonical ?? absoluteUrl(articlePath(post.slug));
}

/** The social image: the cover when there is one (its size is the editor's), else the generated 1200×630 card. */
export function socialImage(post: Post): { url: string; width?: number; height?: number; alt: string } {
  if (post.image && post.imageAlt) return { url: absoluteUrl(post.image), alt: post.imageAlt };
  return { url: absoluteUrl(generatedImagePath(post.slug)), width: 1200, height: 630, alt: post.title };
}
