import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { siteConfig } from "../config";
import { getLibrary } from "../content/store";
import type { ListingCard } from "./listing";

export function articleStaticParams(): { slug: string }[] {
  return getLibrary().posts.map((post) => ({ slug: post.slug }));
}

/** An article with its author, category and "You might like" cards, or a real 404. */
export function loadArticle(slug: string) {
  const library = getLibrary();
  const post = library.getPost(slug);
  if (!post) notFound();
  const toCard = (related: typeof post): ListingCard => ({
    post: related,
    author: library.getAuthor(related.author),
    category: library.getCategory(related.category),
  });
  return { ...toCard(post), related: library.relatedPosts(post, siteConfig.relatedPostsCount).map(toCard) };
}

export function articleMetadata(slug: string): Metadata {
  const post = getLibrary().getPost(slug);
  if (!post) return {};
  return {
    title: post.title,
    description: post.description,
    alternates: { canonical: `/news/${post.slug}` },
  };
}
