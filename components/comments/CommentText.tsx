import { Fragment } from "react";
import { commentParagraphs } from "@/lib/comments/text";

/** A comment's plain text as paragraphs; React escapes every piece, so nothing in it is markup. */
export function CommentText({ body }: { body: string }) {
  return commentParagraphs(body).map((paragraph, index) => (
    <p key={index} dir="auto">
      {paragraph.map((part, partIndex) => (
        <Fragment key={partIndex}>
          {part.type === "break" ? (
            <br />
          ) : part.type === "link" ? (
            <a href={part.href} rel="nofollow ugc noopener noreferrer">
              {part.text}
            </a>
          ) : (
            part.text
          )}
        </Fragment>
      ))}
    </p>
  ));
}
