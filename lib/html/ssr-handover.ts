/**
 * HTML that the server writes into a page once, and that the page's React payload names by key instead of
 * carrying a second copy (a story's body, its comments, its structured data). A server
 * component hands the HTML over (lib/html/hand-over.ts) while the React payload is rendered; the client
 * component <OnceHtml> takes it back when the same process renders that payload to HTML, a moment later; in the
 * browser it reads the HTML back from the page. This module is shared by both sides, so it holds no server-only
 * code.
 */
const HANDOVER = Symbol.for("hashline.ssr-html-handover");

/**
 * Keys are content hashes, so every render of the same HTML shares one entry and no entry is ever wrong. The
 * store lives on globalThis with its size, so that every copy of these modules (Next.js bundles the server's
 * two render layers apart) shares one.
 */
export type HtmlHandoverStore = { entries: Map<string, { html: string; handedOverAt: number }>; chars: number };

export const htmlHandoverStore = (): HtmlHandoverStore =>
  ((globalThis as Record<symbol, HtmlHandoverStore>)[HANDOVER] ??= { entries: new Map(), chars: 0 });

/** The HTML handed over under `key`; a key with nothing behind it is a bug, and the render fails rather than serve a page without its text. */
export function takeHtml(key: string): string {
  const entry = htmlHandoverStore().entries.get(key);
  if (entry === undefined) throw new Error(`No server HTML was handed over under ${key}: the page cannot be rendered without it.`);
  return entry.html;
}
