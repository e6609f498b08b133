import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { siteConfig } from "../config";
import { type Listing, type ListingKind, findListing, homeListing, listingSlugs, pagePath } from "../content/listings";
import { type Library, paginate } from "../content/queries";
import { getLibrary } from "../content/store";
import type { Author, Category, Post } from "../content/types";
import { listingPageMetadata } from "../seo/metadata";

/** What a listing route needs: `home`, or a category, tag or author with its slug. */
export type ListingRef = { kind: "home" } | { kind: ListingKind; slug: string };

export type ListingCard = { post: Post; author: Author | undefined; category: Category | undefined };

/** A post with the author and category its card shows. */
export function listingCard(library: Library, post: Post): ListingCard {
  return { post, author: library.getAuthor(post.author), category: library.getCategory(post.category) };
}

export type ListingPageData = {
  listing: Listing;
  cards: ListingCard[];
  page: number;
  totalPages: number;
};

function resolve(ref: ListingRef): Listing | undefined {
  const library = getLibrary();
  return ref.kind === "home" ? homeListing(library, siteConfig.description) : findListing(library, ref.kind, ref.slug);
}

/** Route params arrive as text; only a plain page number ≥ 2 is a later page. */
function parsePage(param: string | undefined): number | undefined {
  if (param === undefined) return 1;
  return /^[1-9]\d{0,5}$/.test(param) && param !== "1" ? Number(param) : undefined;
}

/** The posts for one page of a listing, or a real 404 when the listing or page does not exist. */
export function loadListingPage(ref: ListingRef, pageParam?: string): ListingPageData {
  const listing = resolve(ref);
  const pageNumber = parsePage(pageParam);
  const page = listing && pageNumber && paginate(listing.posts, pageNumber, siteConfig.postsPerPage);
  if (!listing || !page) notFound();
  const library = getLibrary();
  const cards = page.items.map((post) => listingCard(library, post));
  return { listing, cards, page: page.page, totalPages: page.totalPages };
}

export function listingMetadata(ref: ListingRef, pageParam?: string): Metadata {
  const listing = resolve(ref);
  const page = parsePage(pageParam);
  if (!listing || !page) return {};
  const suffix = page > 1 ? ` (page ${page})` : "";
  return listingPageMetadata({
    // Home's first page keeps the site's own title; every other page gets a unique one.
    title: ref.kind === "home" && page === 1 ? undefined : `${listing.title}${suffix}`,
    description: `${listing.description}${suffix}`,
    path: pagePath(listing.basePath, page),
  });
}

/** `{ slug }` for every listing of a kind that has posts. */
export function listingSlugParams(kind: ListingKind): { slug: string }[] {
  return listingSlugs(getLibrary(), kind).map((slug) => ({ slug }));
}

