import "server-only";
import { absoluteUrl } from "../seo/urls";

/** Every link the newsletter sends or shows; tokens travel in the query, never in a cached path. */
export const newsletterLinks = {
  confirm: (token: string) => absoluteUrl(`/newsletter/confirm?token=${token}`),
  unsubscribePage: (token: string) => absoluteUrl(`/newsletter/unsubscribe?token=${token}`),
  /** RFC 8058's one-click address: a POST there unsubscribes, and answers without a redirect. */
  oneClick: (token: string) => absoluteUrl(`/api/newsletter/unsubscribe?token=${token}`),
  digestPath: (id: string) => `/newsletter/digests/${id}`,
  digest: (id: string) => absoluteUrl(`/newsletter/digests/${id}`),
};

/** The headers that let a mail client offer "Unsubscribe" that works in one click (RFC 2369, RFC 8058). */
export const unsubscribeHeaders = (token: string) => ({
  "List-Unsubscribe": `<${newsletterLinks.oneClick(token)}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});
