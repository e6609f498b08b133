/**
 * HTML that the server writes into a page once, and that the page's React payload names by key instead of
 * carrying a second copy (a story's body, its structured data). A server component hands the HTML over
 * (lib/html/hand-over.ts) while the React payload is rendered; the client component <OnceHtml> takes it back
 * when the same process renders that payload to HTML, a moment later; in the browser React keeps the DOM the
 * server wrote. This module is shared by both sides, so it holds no server-only code.
 */
const HANDOVER = Symbol.for("hashline.ssr-html-handover");

/** Keys are content hashes, so every render of the same HTML shares one entry and no entry is ever wrong. */
export type Handover = Map<string, string>;

export const handover = (): Handover => ((globalThis as Record<symbol, Handover>)[HANDOVER] ??= new Map());

/** The HTML handed over under `key`; a key with nothing behind it is a bug, and the render fails rather than serve a page without its text. */
export function takeHtml(key: string): string {
  const html = handover().get(key);
  if (html === undefined) throw new Error(`No server HTML was handed over under ${key}: the page cannot be rendered without it.`);
  return html;
}
