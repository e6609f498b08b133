import { renderMarkdown } from "./render";
import type { Author, Category, Content, Post, PostStatus, Tag } from "./types";

export type Library = ReturnType<typeof createLibrary>;

function groupBy<K>(posts: Post[], keys: (post: Post) => K[]): Map<K, Post[]> {
  const groups = new Map<K, Post[]>();
  for (const post of posts) {
    for (const key of keys(post)) {
      const group = groups.get(key);
      if (group) group.push(post);
      else groups.set(key, [post]);
    }
  }
  return groups;
}

/**
 * The first `count` items in `order`, without sorting them all: a common tag's posts are tens of thousands
 * in a large archive, and a story shows a handful of them.
 */
function firstInOrder<T>(items: Iterable<T>, count: number, order: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  if (count <= 0) return first;
  for (const item of items) {
    if (first.length === count && order(item, first[count - 1]!) >= 0) continue;
    let at = first.length;
    while (at > 0 && order(item, first[at - 1]!) < 0) at -= 1;
    first.splice(at, 0, item);
    if (first.length > count) first.pop();
  }
  return first;
}

/** A post's status at an instant: a scheduled post is published once its moment has passed. */
export function statusAt(draft: boolean, publishedAt: number, now: number): PostStatus {
  return draft ? "draft" : publishedAt > now ? "scheduled" : "published";
}

/** The posts as they stand at `now` (the statuses they were loaded with when it is not given). */
function postsAt(posts: Post[], now: number | undefined): Post[] {
  if (now === undefined) return posts;
  return posts.map((post) => {
    const status = statusAt(post.status === "draft", post.publishedAt, now);
    return status === post.status ? post : { ...post, status };
  });
}

/** The first moment after `now` at which a scheduled post is published: when a library made at `now` expires. */
function nextPublication(posts: Post[], now: number | undefined): number {
  let next = Infinity;
  if (now === undefined) return next;
  for (const post of posts) if (post.status !== "draft" && post.publishedAt > now && post.publishedAt < next) next = post.publishedAt;
  return next;
}

/**
 * Indexes the content as it stands at `now` once; every query is then a lookup. Unless
 * `includeUnpublished` (the editors' preview), drafts and posts scheduled after `now` are dropped
 * here, so no page, list, count or related link can reach them.
 */
export function createLibrary(content: Content, { includeUnpublished = false, now }: { includeUnpublished?: boolean; now?: number } = {}) {
  const current = postsAt(content.posts, now);
  const posts = includeUnpublished ? current : current.filter((post) => post.status === "published");
  const postsBySlug = new Map(posts.map((post) => [post.slug, post]));
  const byCategory = groupBy(posts, (post) => [post.category]);
  const byAuthor = groupBy(posts, (post) => [post.author]);
  const byTag = groupBy(posts, (post) => post.tags.map((tag) => tag.slug));
  const byCoin = groupBy(posts, (post) => post.coins);
  // Posts come newest first: a post's place in the list orders ties.
  const position = new Map(posts.map((post, index) => [post, index]));
  // A tag page is titled with the newest post's spelling of the tag.
  const tagsBySlug = new Map<string, Tag>();
  for (const post of posts) for (const tag of post.tags) if (!tagsBySlug.has(tag.slug)) tagsBySlug.set(tag.slug, tag);
  const authorsBySlug = new Map(content.authors.map((author) => [author.slug, author]));
  const categoriesBySlug = new Map(content.categories.map((category) => [category.slug, category]));

  return {
    posts,
    /** When this library stops being true: the next scheduled post's moment (never, without `now`). */
    validUntil: nextPublication(content.posts, now),
    getPost: (slug: string): Post | undefined => postsBySlug.get(slug),
    getAuthor: (slug: string): Author | undefined => authorsBySlug.get(slug),
    getCategory: (slug: string): Category | undefined => categoriesBySlug.get(slug),
    getTag: (slug: string): Tag | undefined => tagsBySlug.get(slug),
    postsInCategory: (slug: string): Post[] => byCategory.get(slug) ?? [],
    postsByAuthor: (slug: string): Post[] => byAuthor.get(slug) ?? [],
    postsWithTag: (slug: string): Post[] => byTag.get(slug) ?? [],
    /** Stories naming a coin (by id: frontmatter, tags or cashtags), newest first. */
    postsNamingCoin: (id: string): Post[] => byCoin.get(id) ?? [],
    /** Categories in the editors' order, leaving out those with nothing to show. */
    categoriesWithPosts: (): Category[] => content.categories.filter((category) => byCategory.has(category.slug)),
    authorsWithPosts: (): Author[] => content.authors.filter((author) => byAuthor.has(author.slug)),
    tags: (): Tag[] => [...tagsBySlug.values()],

    /** A post's body as HTML, rendered each time: the page or feed that shows it is what is cached. */
    bodyHtml(post: Post): string {
      const markdown = content.markdownOf(post.slug);
      if (markdown === undefined) throw new Error(`The content holds no body for the post "${post.slug}"`);
      return renderMarkdown(markdown);
    },

    /**
     * The editor's picks first, then posts sharing the most tags (a shared category breaks the tie), then
     * the rest of the category; newer first on ties. Only the post's own tag and category groups are
     * read, so a build of every article does not compare every post with every other.
     */
    relatedPosts(post: Post, count: number): Post[] {
      const picks = post.related.flatMap((slug) => postsBySlug.get(slug) ?? []);
      const offered = (other: Post) => other.slug !== post.slug && !post.related.includes(other.slug);
      const sharedTags = new Map<Post, number>();
      for (const slug of new Set(post.tags.map((tag) => tag.slug))) {
        for (const other of byTag.get(slug) ?? []) if (offered(other)) sharedTags.set(other, (sharedTags.get(other) ?? 0) + 1);
      }
      const score = (other: Post) => 2 * sharedTags.get(other)! + (other.category === post.category ? 1 : 0);
      const order = (a: Post, b: Post) => score(b) - score(a) || position.get(a)! - position.get(b)!;
      const related = [...picks, ...firstInOrder(sharedTags.keys(), count - picks.length, order)];
      for (const other of byCategory.get(post.category) ?? []) {
        if (related.length >= count) break;
        if (offered(other) && !sharedTags.has(other)) related.push(other);
      }
      return related.slice(0, count);
    },
  };
}

export type Page<T> = { items: T[]; page: number; totalPages: number };

/** One page of a list, or undefined when the page does not exist (page 1 of an empty list does). */
export function paginate<T>(items: T[], page: number, perPage: number): Page<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return { items: items.slice((page - 1) * perPage, page * perPage), page, totalPages };
}
