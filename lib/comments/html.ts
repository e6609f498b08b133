import { formatDisplayDate } from "@/lib/content/dates";
import { escapeHtml } from "@/lib/html/escape";
import type { PublicComment } from "./queries";
import { commentParagraphs } from "./text";


/**
 * A comment's plain text as paragraphs of HTML: every piece escaped, so nothing a reader typed is markup;
 * web addresses linked with the comment rel; the text direction left to the browser per paragraph.
 */
export function commentBodyHtml(body: string): string {
  return commentParagraphs(body)
    .map((paragraph) => {
      const inner = paragraph
        .map((part) =>
          part.type === "break"
            ? "<br/>"
            : part.type === "link"
              ? `<a href="${escapeHtml(part.href)}" rel="nofollow ugc noopener noreferrer">${escapeHtml(part.text)}</a>`
              : escapeHtml(part.text),
        )
        .join("");
      return `<p dir="auto">${inner}</p>`;
    })
    .join("");
}

/**
 * Approved comments with their replies, as the items of a list. Written as HTML, not React elements, so that
 * an article's comments are in its page once (lib/html/ssr-handover.ts): 500 of them weighed 1 MB when the
 * React payload carried each a second time. `replyHref` gives top-level comments a reply link.
 */
export function commentItemsHtml(comments: PublicComment[], replyHref?: (id: string) => string): string {
  return comments
    .map((comment) => {
      const name = escapeHtml(comment.authorName);
      const reply = replyHref
        ? // Without JavaScript the link opens a page with a reply form; with it, the article's form takes the reply.
          `<a class="comment__reply" href="${escapeHtml(replyHref(comment.id))}" data-reply-to="${escapeHtml(comment.id)}" data-reply-name="${name}">` +
          `Reply<span class="visually-hidden"> to ${name}</span></a>`
        : "";
      const replies = comment.replies.length > 0 ? `<ol class="comment-list comment-list--replies">${commentItemsHtml(comment.replies)}</ol>` : "";
      return (
        `<li id="comment-${escapeHtml(comment.id)}" class="comment"><article>` +
        `<header class="comment__meta"><bdi class="comment__author">${name}</bdi> ` +
        `<time datetime="${escapeHtml(comment.createdAt)}">${escapeHtml(formatDisplayDate(comment.createdAt))}</time></header>` +
        `<div class="comment__body">${commentBodyHtml(comment.body)}</div>${reply}</article>${replies}</li>`
      );
    })
    .join("");
}
