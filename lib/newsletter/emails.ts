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

/** One subscriber's copy of a digest; its Message-ID names the digest and the subscriber, so a copy is recognisable. */
export function digestEmail({ to, digestId, subscriberId, content, unsubscribeToken }: {
  to: string;
  digestId: string;
  subscriberId: string;
  content: DigestContent;
  unsubscribeToken: string;
}): Email {
  return newsletterEmail(to, digestBody(content, newsletterLinks.digest(digestId)), unsubscribeToken, `${digestId}.${subscriberId}`);
}
