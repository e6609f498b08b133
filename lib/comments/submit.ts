import "server-only";
import { getLibrary } from "../content/store";
import { env } from "../env";
import { processSingleton } from "../process-singleton";
import { createRateLimiter } from "../rate-limit";
import { siteDatabase } from "../database/db";
import { findReplyTarget, insertComment, isDuplicate } from "./queries";
import { type CommentField, commentFormSchema } from "./schema";

/** What the comment form shows after a send. The email is never sent back, even to its writer. */
export type CommentFormState = {
  status: "idle" | "pending" | "error";
  /** Why a comment was refused, for the JSON route's status code. */
  reason?: RefusalReason;
  message?: string;
  fieldErrors?: Partial<Record<CommentField, string>>;
  /** What the reader typed, to refill the form after an error when JavaScript is off. */
  values?: { name?: string; body?: string };
};

const windowMs = env.COMMENTS_RATE_WINDOW_SECONDS * 1000;
const commentLimiter = processSingleton("comment-rate-limit", () => createRateLimiter("comment", { limit: env.COMMENTS_RATE_LIMIT, windowMs }));
// A client address can be forged where no proxy sets X-Forwarded-For, so the site as a whole also
// takes at most twenty clients' worth of comments per window: a flood fills no queue.
const siteLimiter = processSingleton("comment-site-rate-limit", () => createRateLimiter("comment-site", { limit: env.COMMENTS_RATE_LIMIT * 20, windowMs }));

export type RefusalReason = "invalid" | "no-article" | "automated" | "rate-limited" | "no-parent" | "duplicate" | "unavailable";

const refuse = (reason: RefusalReason, message: string, values?: CommentFormState["values"]): CommentFormState => ({
  status: "error",
  reason,
  message,
  values,
});

/**
 * Validates a reader's comment and stores it for moderation (pending, or spam when sent too fast).
 * Every check runs on the server; the form supplies text only, and ids, status and times come from here.
 */
export async function submitComment(form: FormData, client: string, now = Date.now()): Promise<CommentFormState> {
  const raw = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const values = { name: raw.name, body: raw.body };
  const parsed = commentFormSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: CommentFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "name" || field === "email" || field === "body") && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    const message = Object.keys(fieldErrors).length > 0 ? "Please correct the fields marked below." : parsed.error.issues[0]?.message;
    return { status: "error", reason: "invalid", message: message ?? "This comment could not be sent.", fieldErrors, values };
  }
  const comment = parsed.data;
  const post = getLibrary().getPost(comment.postSlug);
  if (!post || post.status !== "published") return refuse("no-article", "Comments are open on published articles only.");
  if (comment.website) return refuse("automated", "This comment looks automated and was not sent.");
  if (!(await commentLimiter.take(client, now)) || !(await siteLimiter.take("site", now))) {
    return refuse("rate-limited", "You have sent several comments in a short time. Please wait a few minutes and try again.", values);
  }
  const db = await siteDatabase();
  if (comment.parentId && !(await findReplyTarget(db, comment.postSlug, comment.parentId))) {
    return refuse("no-parent", "The comment you are replying to is not available.", values);
  }
  if (await isDuplicate(db, comment.postSlug, comment.body)) {
    return refuse("duplicate", "This exact comment has already been posted on this article.", values);
  }
  // Sent faster than a person types: likely a bot, but a guess must not lose a reader's words, so
  // the comment waits in the moderator's spam list instead of the queue, and is never refused.
  const tooFast = now - comment.renderedAt < env.COMMENTS_MIN_SECONDS * 1000;
  await insertComment(
    db,
    { postSlug: comment.postSlug, parentId: comment.parentId, authorName: comment.name, authorEmail: comment.email, body: comment.body },
    { status: tooFast ? "spam" : "pending", now: new Date(now) },
  );
  return { status: "pending", message: "Thank you! Your comment has been received and awaits moderation." };
}

