import type { Author, Post } from "@/lib/content/types";
import { FormattedDate } from "./FormattedDate";

type Props = { post: Post; author: Author | undefined; showUpdated?: boolean };

/** Byline, dates and reading time, shared by cards and the article header. */
export function PostMeta({ post, author, showUpdated = false }: Props) {
  return (
    <p className="post-meta">
      {author && (
        <>
          By <a href={`/author/${author.slug}`}>{author.name}</a>
          <span aria-hidden="true"> · </span>
        </>
      )}
      <FormattedDate value={post.date} />
      {showUpdated && post.updated && (
        <>
          <span aria-hidden="true"> · </span>
          Updated <FormattedDate value={post.updated} />
        </>
      )}
      <span aria-hidden="true"> · </span>
      {post.readingMinutes} min read
    </p>
  );
}
