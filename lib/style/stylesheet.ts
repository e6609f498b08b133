import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The site's one stylesheet, in the repository (servers run from it, as `npm start` does). Next.js does not
 * bundle it: every page carries it in a <style> of its head (components/html/InlineStylesheet.tsx), so a page
 * paints as soon as its HTML has arrived instead of after a second, render-blocking request.
 */
const STYLESHEET = path.join(process.cwd(), "app/globals.css");

/** Comments and runs of whitespace go; nothing that could change what a rule means. */
const compact = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .trim();

type Stylesheet = { css: string; href: string };
let cached: Stylesheet | undefined;

/**
 * The stylesheet's text, and the address that serves it as a file (app/site.css), versioned by its content,
 * for a page the browser draws without the server's HTML. Read once per server; on every render in
 * development, so that edits show.
 */
export function siteStylesheet(): Stylesheet {
  if (cached) return cached;
  const css = compact(readFileSync(STYLESHEET, "utf8"));
  const stylesheet = { css, href: `/site.css?v=${createHash("sha256").update(css).digest("base64url").slice(0, 12)}` };
  if (process.env.NODE_ENV === "production") cached = stylesheet;
  return stylesheet;
}
