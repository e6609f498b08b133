import "server-only";
import type { DigestContent } from "./digest-content";
import { type EmailBody, confirmationBody, digestBody, emailDocument, emailFooter } from "./email-html";
import { newsletterLinks, unsubscribeHeaders } from "./links";
import type { Email } from "./smtp";

/** Every newsletter email: its HTML and plain parts, the visible unsubscribe link and the one-click headers. */
function newsletterEmail(to: string, body: EmailBody, unsubscribeToken: string, messageIdLocal?: string): Email {
  const footer = emailFooter(newsletterLinks.unsubscribePage(unsubscribeToken));
  return {
    to,
    subject: body.subject,
    html: emailDocument(body, footer.html),
    text: `${body.text}${footer.text}`,
    headers: unsubscribeHeaders(unsubscribeToken),
    messageIdLocal,
  };
}

const listNames = (lists: { daily: boolean; weekly: boolean }) =>
  lists.daily && lists.weekly ? "daily and weekly digests" : lists.daily ? "daily digest" : "weekly digest";

export function confirmationEmail({ to, token, lists, unsubscribeToken }: { to: string; token: string; lists: { daily: boolean; weekly: boolean }; unsubscribeToken: string }): Email {
  return newsletterEmail(to, confirmationBody({ confirmUrl: newsletterLinks.confirm(token), lists: listNames(lists) }), unsubscribeToken);
}

/**
 * A digest's copies: its body made once, then each subscriber's copy with their unsubscribe link and a
 * Message-ID naming the digest and the subscriber, so a copy is recognisable.
 */
export function digestEmails(digestId: string, content: DigestContent) {
  const body = digestBody(content, newsletterLinks.digest(digestId));
  return ({ to, subscriberId, unsubscribeToken }: { to: string; subscriberId: string; unsubscribeToken: string }): Email =>
    newsletterEmail(to, body, unsubscribeToken, `${digestId}.${subscriberId}`);
}
