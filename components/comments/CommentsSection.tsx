import { FormattedDate } from "@/components/post/FormattedDate";
import type { PublicComment } from "@/lib/comments/queries";
import { commentLimits } from "@/lib/comments/schema";
import { CommentForm } from "./CommentForm";
import { CommentText } from "./CommentText";

type Props = { postSlug: string; comments: PublicComment[]; count: number; renderedAt: number };

export function Comment({ comment, replyHref }: { comment: PublicComment; replyHref?: string }) {
  return (
    <li id={`comment-${comment.id}`} className="comment">
      <article>
        <header className="comment__meta">
          <bdi className="comment__author">{comment.authorName}</bdi> <FormattedDate value={comment.createdAt} />
        </header>
        <div className="comment__body">
          <CommentText body={comment.body} />
        </div>
        {replyHref && (
          // Without JavaScript the link opens a page with a reply form; with it, the form below takes the reply.
          <a className="comment__reply" href={replyHref} data-reply-to={comment.id} data-reply-name={comment.authorName}>
            Reply<span className="visually-hidden"> to {comment.authorName}</span>
          </a>
        )}
      </article>
      {comment.replies.length > 0 && (
        <ol className="comment-list comment-list--replies">
          {comment.replies.map((reply) => (
            <Comment key={reply.id} comment={reply} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** Approved comments, oldest first with their replies, then the form. */
export function CommentsSection({ postSlug, comments, count, renderedAt }: Props) {
  return (
    <section id="comments" className="comments">
      <h2 id="comments-title">{count === 0 ? "No comments yet" : count === 1 ? "1 comment" : `${count.toLocaleString("en")} comments`}</h2>
      {comments.length > 0 && (
        <ol className="comment-list">
          {comments.map((comment) => (
            <Comment key={comment.id} comment={comment} replyHref={`/news/${postSlug}/reply/${comment.id}#comment-form`} />
          ))}
        </ol>
      )}
      <CommentForm postSlug={postSlug} renderedAt={renderedAt} limits={commentLimits} />
    </section>
  );
}
