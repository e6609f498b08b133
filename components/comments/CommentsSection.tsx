import { ServerHtml } from "@/components/html/ServerHtml";
import { commentItemsHtml } from "@/lib/comments/html";
import type { PublicComment } from "@/lib/comments/queries";
import { commentLimits } from "@/lib/comments/schema";
import { CommentForm } from "./CommentForm";

type Props = { postSlug: string; comments: PublicComment[]; count: number; renderedAt: number };

/** Approved comments, oldest first with their replies, then the form. */
export function CommentsSection({ postSlug, comments, count, renderedAt }: Props) {
  return (
    <section id="comments" className="comments">
      <h2 id="comments-title">{count === 0 ? "No comments yet" : count === 1 ? "1 comment" : `${count.toLocaleString("en")} comments`}</h2>
      {comments.length > 0 && (
        <ServerHtml as="ol" className="comment-list" html={commentItemsHtml(comments, (id) => `/news/${postSlug}/reply/${id}#comment-form`)} />
      )}
      <CommentForm postSlug={postSlug} renderedAt={renderedAt} limits={commentLimits} />
    </section>
  );
}
