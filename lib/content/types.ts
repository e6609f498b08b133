import type { AuthorFrontmatter, Category, PostFrontmatter } from "./schema";

export type { Category };

export type Author = AuthorFrontmatter & { slug: string; bioHtml: string };

export type Tag = { name: string; slug: string };

/** Drafts and scheduled posts are only ever shown in `next dev`, labelled. */
export type PostStatus = "published" | "draft" | "scheduled";

export type Post = Omit<PostFrontmatter, "tags" | "draft" | "coins"> & {
  slug: string;
  /** The source file, relative to the working directory, for editors' messages. */
  file: string;
  tags: Tag[];
  /** The coins (ids) the story names: its frontmatter's, then its tags', then its cashtags' (lib/content/coins.ts). */
  coins: string[];
  status: PostStatus;
  publishedAt: number;
  /** Of the body's text (lib/content/text.ts). */
  wordCount: number;
  readingMinutes: number;
};

/** A post's body: its Markdown, and the text a reader reads of it. */
export type PostBody = { markdown: string; text: string };

export type Content = {
  /** Newest first. */
  posts: Post[];
  authors: Author[];
  categories: Category[];
  /** A post's Markdown body, read when a page needs it: an archive's bodies need not fit in memory. */
  markdownOf: (slug: string) => string | undefined;
};
