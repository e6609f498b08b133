import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { siteDatabase } from "../database/db";
import { approvedComments, countComments, findReplyTarget } from "../comments/queries";
import { commentIdSchema } from "../comments/schema";
import { siteConfig } from "../config";
import { getLibrary } from "../content/store";
import type { Post } from "../content/types";
import { latestQuote, publicationPrices } from "../market";
import { type KnownCoin, knownCoin } from "../market/known-coins";
import type { PriceAtPublication } from "../market/publication-prices";
import { articleJsonLd } from "../seo/json-ld";
import { articlePageMetadata } from "../seo/metadata";
import { listingCard } from "./listing";

/** The newest stories, which readers and crawlers reach first; the archive is rendered on demand. */
export function articleStaticParams(): { slug: string }[] {
  return getLibrary()
    .posts.slice(0, siteConfig.prerenderedArticles)
    .map((post) => ({ slug: post.slug }));
}

/** An article with its author, category and "You might like" cards, or a real 404. */
export function loadArticle(slug: string) {
  const library = getLibrary();
  const post = library.getPost(slug);
  if (!post) notFound();
  const toCard = (related: typeof post) => listingCard(library, related);
  const card = toCard(post);
  return {
    ...card,
    bodyHtml: library.bodyHtml(post),
    related: library.relatedPosts(post, siteConfig.relatedPostsCount).map(toCard),
    structuredData: articleJsonLd(post, card.author, card.category),
  };
}

export function articleMetadata(slug: string): Metadata {
  const library = getLibrary();
  const post = library.getPost(slug);
  if (!post) return {};
  return articlePageMetadata(post, library.getAuthor(post.author), library.getCategory(post.category));
}

/** The article's approved comments, read when the page is built and each time it is revalidated. */
export async function loadComments(slug: string) {
  const comments = await approvedComments(await siteDatabase(), slug);
  return { postSlug: slug, comments, count: countComments(comments), renderedAt: Date.now() };
}

/** The comment a reply page answers: approved and top-level on a published article, or a 404. */
export async function loadReply(slug: string, id: string) {
  const post = getLibrary().getPost(slug);
  if (!post || !commentIdSchema.safeParse(id).success) notFound();
  const comment = await findReplyTarget(await siteDatabase(), slug, id);
  if (!comment) notFound();
  return { post: { slug, title: post.title }, comment, renderedAt: Date.now() };
}

/** The coins whose price at publication a story shows, at most: the first ones it names. */
const PRICED_COINS = 3;

/** For each coin the story names: its price when the story was published (or why not known) and now. */
export async function loadCoinPrices(post: Post): Promise<CoinPriceLine[]> {
  const coins = post.coins.slice(0, PRICED_COINS).flatMap((id) => knownCoin(id) ?? []);
  if (coins.length === 0) return [];
  return Promise.all(
    coins.map(async (coin) => ({ coin, then: await publicationPrices.priceAt(coin.id, post.publishedAt), now: await latestQuote(coin.id) })),
  );
}

export type CoinPriceLine = { coin: KnownCoin; then: PriceAtPublication; now: Awaited<ReturnType<typeof latestQuote>> };
