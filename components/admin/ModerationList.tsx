import { moderate } from "@/lib/admin/actions";
import { commentBodyHtml } from "@/lib/comments/html";
import type { ModeratedComment } from "@/lib/comments/queries";
import type { ModerationAction } from "@/lib/comments/schema";

type Action = { action: ModerationAction; label: string };

const actionsFor: Record<ModeratedComment["status"], Action[]> = {
  pending: [
    { action: "approve", label: "Approve" },
    { action: "spam", label: "Spam" },
    { action: "delete", label: "Delete" },
  ],
  approved: [
    { action: "unpublish", label: "Unpublish" },
    { action: "delete", label: "Delete" },
  ],
  spam: [
    { action: "approve", label: "Approve" },
    { action: "delete", label: "Delete" },
  ],
};

type Props = { title: string; empty: string; comments: ModeratedComment[]; postTitle: (slug: string) => string };

/** One moderation list: each comment with its article, writer, email and time, and its actions. */
export function ModerationList({ title, empty, comments, postTitle }: Props) {
  return (
    <section className="moderation" aria-label={title}>
      <h2>
        {title} ({comments.length})
      </h2>
      {comments.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className="moderation__list">
          {comments.map((comment) => (
            <li key={comment.id} className="moderation__item" data-comment-id={comment.id}>
              <p className="moderation__meta">
                <bdi>{comment.authorName}</bdi> &lt;{comment.authorEmail}&gt; on{" "}
                <a href={`/news/${comment.postSlug}`}>{postTitle(comment.postSlug)}</a>,{" "}
                <time dateTime={comment.createdAt}>{comment.createdAt.replace("T", " ").slice(0, 16)} UTC</time>
                {comment.parentId && " (a reply)"} · id <code>{comment.id}</code>
              </p>
              {/* Refreshed in place after each action, so the text travels in the React payload here. */}
              <div className="moderation__body" dangerouslySetInnerHTML={{ __html: commentBodyHtml(comment.body) }} />
              <div className="moderation__actions">
                {actionsFor[comment.status].map(({ action, label }) => (
                  <form key={action} action={moderate}>
                    <input type="hidden" name="id" value={comment.id} />
                    <input type="hidden" name="action" value={action} />
                    <button type="submit" aria-label={`${label}: comment by ${comment.authorName}`}>
                      {label}
                    </button>
                  </form>
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
