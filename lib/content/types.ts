import type { AuthorFrontmatter, Category, PostFrontmatter } from "./schema";

export type { Category };

export type Author = AuthorFrontmatter & { slug: string; bioHtml: string };

export type Tag = { name: string; slug: string };

/** Drafts and scheduled posts are only ever shown in `next dev`, labelled. */
export type PostStatus = "published" | "draft" | "scheduled";

export type Post = Omit<PostFrontmatter, "tags" | "draft"> & {
  slug: string;
  /** The source file, relative to the working directory, for editors' messages. */
  file: string;
  tags: Tag[];
  status: PostStatus;
  publishedAt: number;
  /** The Markdown body; `renderPost` turns it into HTML, text and counts on first use. */
  markdown: string;
};

export type Content = { posts: Post[]; authors: Author[]; categories: Category[] };
