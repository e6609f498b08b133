import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { transform } from "lightningcss";

/**
 * The site's one stylesheet, in the repository (servers run from it, as `npm start` does). Next.js does not
 * bundle it: every page carries it in a <style> of its head (components/html/InlineStylesheet.tsx), so a page
 * paints as soon as its HTML has arrived instead of after a second, render-blocking request. Minified by
 * lightningcss (as Next.js's own CSS pipeline does): every byte counts while a page still fits in the first
 * round trip of a new connection (about 14 KB).
 */
const STYLESHEET = path.join(process.cwd(), "app/globals.css");

type Stylesheet = { css: string; href: string };
let cached: Stylesheet | undefined;

/**
 * The stylesheet's text, and the address that serves it as a file (app/site.css), versioned by its content,
 * for a page the browser draws without the server's HTML. Read once per server; on every render in
 * development, so that edits show.
 */
export function siteStylesheet(): Stylesheet {
  if (cached) return cached;
  const css = transform({ filename: STYLESHEET, code: readFileSync(STYLESHEET), minify: true }).code.toString();
  // Inside <style>, "</" could end the element early; CSS never needs it.
  if (css.includes("</")) throw new Error(`${STYLESHEET} contains "</", which would end the page's <style> element early: remove it.`);
  const stylesheet = { css, href: `/site.css?v=${createHash("sha256").update(css).digest("base64url").slice(0, 12)}` };
  if (process.env.NODE_ENV === "production") cached = stylesheet;
  return stylesheet;
}
