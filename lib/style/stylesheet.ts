import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { transform } from "lightningcss";

/**
 * The site's stylesheets, in the repository (servers run from them, as `npm start` does). Next.js does not
 * bundle them: every page carries the site's in a <style> of its head (components/html/InlineStylesheet.tsx), so a
 * page paints as soon as its HTML has arrived instead of after a second, render-blocking request; the market
 * pages add theirs. Minified by lightningcss (as Next.js's own CSS pipeline does): every byte counts while a page
 * still fits in the first round trip of a new connection (about 14 KB), which is why a story does not carry the
 * market pages' styles.
 */
/** A stylesheet's text, and a name for it that changes with it. */
type Stylesheet = { css: string; href: string };
const cached = new Map<string, Stylesheet>();

function readStylesheet(file: string, route: string): Stylesheet {
  const found = cached.get(file);
  if (found) return found;
  const source = path.join(process.cwd(), file);
  const css = transform({ filename: source, code: readFileSync(source), minify: true }).code.toString();
  // Inside <style>, "</" could end the element early; CSS never needs it.
  if (css.includes("</")) throw new Error(`${source} contains "</", which would end the page's <style> element early: remove it.`);
  const stylesheet = { css, href: `${route}?v=${createHash("sha256").update(css).digest("base64url").slice(0, 12)}` };
  if (process.env.NODE_ENV === "production") cached.set(file, stylesheet);
  return stylesheet;
}

/**
 * The stylesheet's text, and the address that serves it as a file (app/site.css), versioned by its content,
 * for a page the browser draws without the server's HTML. Read once per server; on every render in
 * development, so that edits show.
 */
export function siteStylesheet(): Stylesheet {
  return readStylesheet("app/globals.css", "/site.css");
}

/**
 * The market pages' own styles (app/coins.css). React hoists them into the head by `href`, a name it only
 * keys them by (no file is served there): a page the browser draws builds them from its payload.
 */
export function marketStylesheet(): Stylesheet {
  return readStylesheet("app/coins.css", "hashline-market");
}
