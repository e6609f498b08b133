import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { transform } from "lightningcss";

/**
 * The site's stylesheets, in the repository's styles/ (servers run from it, as `npm start` does), minified by
 * lightningcss as Next.js's own CSS pipeline would, and served as files (app/css/[file]) that browsers keep for
 * good. Every page links `site` (the ticker, header, footer and forms); the others are a kind of page's own, so
 * that a story does not load the market table's rules (components/html/Stylesheets.tsx). Linked rather than
 * written into each page: inline, they were a fifth of every page's HTML, sent again with every page, and
 * Lighthouse's first paint was no earlier for it (measured side by side; README, "Reader quality and safety").
 */
export const SHEETS = ["site", "listing", "article", "search", "newsletter", "admin", "market"] as const;
export type SheetName = (typeof SHEETS)[number];

type Stylesheet = { css: string; version: string; href: string };
const cached = new Map<SheetName, Stylesheet>();

const fileOf = (name: SheetName) => path.join(process.cwd(), "styles", `${name}.css`);

/**
 * A stylesheet's text, its version (a hash of that text) and its address, which carries the version. Read once
 * per server; on every render in development, so that edits show.
 */
export function stylesheet(name: SheetName): Stylesheet {
  const known = cached.get(name);
  if (known) return known;
  const file = fileOf(name);
  const css = transform({ filename: file, code: readFileSync(file), minify: true }).code.toString();
  const version = createHash("sha256").update(css).digest("base64url").slice(0, 12);
  const sheet = { css, version, href: `/css/${name}.css?v=${version}` };
  if (process.env.NODE_ENV === "production") cached.set(name, sheet);
  return sheet;
}

/** The sheet a file name (`site.css`) names, if any. */
export const sheetNamed = (file: string): SheetName | undefined => SHEETS.find((sheet) => `${sheet}.css` === file);
