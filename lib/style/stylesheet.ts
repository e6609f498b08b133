import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { transform } from "lightningcss";

/**
 * The site's stylesheets, in the repository's styles/ (servers run from it, as `npm start` does). Next.js does
 * not bundle them: a page carries the ones it uses in <style> elements of its head (components/html/
 * Stylesheets.tsx), so it paints as soon as its HTML has arrived instead of after a second, render-blocking
 * request. Every page has `site` (the ticker, header, footer and forms); the others are a kind of page's own, so
 * that a story does not carry the market table's rules. Minified by lightningcss (as Next.js's own CSS pipeline
 * does): every byte counts while a page still fits in the first round trip of a new connection (about 14 KB).
 */
export const SHEETS = ["site", "listing", "article", "search", "newsletter", "admin", "market"] as const;
export type SheetName = (typeof SHEETS)[number];

export type Stylesheet = { name: SheetName; css: string; href: string };
const cached = new Map<SheetName, Stylesheet>();

const fileOf = (name: SheetName) => path.join(process.cwd(), "styles", `${name}.css`);

/**
 * A stylesheet's text, and the address that serves it as a file (app/css/[sheet]), versioned by its content, for
 * a page the browser draws without the server's HTML. Read once per server; on every render in development, so
 * that edits show.
 */
export function stylesheet(name: SheetName): Stylesheet {
  const known = cached.get(name);
  if (known) return known;
  const file = fileOf(name);
  const css = transform({ filename: file, code: readFileSync(file), minify: true }).code.toString();
  // Inside <style>, "</" could end the element early; CSS never needs it.
  if (css.includes("</")) throw new Error(`${file} contains "</", which would end the page's <style> element early: remove it.`);
  const sheet = { name, css, href: `/css/${name}.css?v=${createHash("sha256").update(css).digest("base64url").slice(0, 12)}` };
  if (process.env.NODE_ENV === "production") cached.set(name, sheet);
  return sheet;
}

/** The sheet a `/css/<name>.css` address names, if any. */
export const sheetNamed = (name: string): SheetName | undefined => SHEETS.find((sheet) => sheet === name);
