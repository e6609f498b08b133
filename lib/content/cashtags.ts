import type { Link, Parent, Root, Text } from "mdast";
import type { VFile } from "vfile";
import { coinBySymbol } from "../market/known-coins";
import { coinPath } from "../market/coin-path";

/**
 * A cashtag: "$" and a capital symbol, not part of a longer word or symbol on either side, so "$BTC." and
 * "($ETH)" are cashtags and "A$BTC", "$$BTC" and "$BTCX" are not; a dollar amount ("$5") starts with a digit.
 */
const CASHTAG = /(?<![\p{L}\p{N}_$])\$([A-Z][A-Z0-9]{1,9})(?![\p{L}\p{N}_])/gu;

/** Markdown that could hold a cashtag; most posts have none, and skip the walk. */
export const MAY_HOLD_CASHTAG = /\$[A-Z]/;

/** The class a cashtag's link carries, for styling; the sanitiser keeps it (render.ts). */
export const CASHTAG_CLASS = "cashtag";

// Code spans with no backtick inside: a cashtag there is code (a span with one is rare, and still linear).
const CODE_SPAN = /(`+)[^`]+?\1(?!`)/g;

/**
 * The coins (ids) a post's text names as cashtags, each once, in order: `text` is what markdownText leaves
 * (no fenced code or HTML tags), and code spans are left out here. A cashtag in link text counts: the story
 * names the coin, though the link stays the editor's.
 */
export function cashtagCoins(text: string): string[] {
  if (!MAY_HOLD_CASHTAG.test(text)) return [];
  const ids = [...text.replace(CODE_SPAN, " ").matchAll(CASHTAG)].flatMap((match) => coinBySymbol(match[1]!)?.id ?? []);
  return [...new Set(ids)];
}

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/** How many elements raw HTML leaves open (negative: closes): text up to their end tags is the HTML's. */
function openedBy(html: string): number {
  let depth = 0;
  for (const [, closing, name, selfClosing] of html.replace(/<!--[\s\S]*?(?:-->|$)/g, "").matchAll(TAG)) {
    if (!selfClosing && !VOID_ELEMENTS.has(name!.toLowerCase())) depth += closing ? -1 : 1;
  }
  return depth;
}

/** A text node split at its cashtags of known coins; the node itself when it has none. */
function linkCashtagsIn(node: Text): (Text | Link)[] {
  const parts: (Text | Link)[] = [];
  let at = 0;
  for (const match of node.value.matchAll(CASHTAG)) {
    const coin = coinBySymbol(match[1]!);
    if (!coin) continue;
    if (match.index > at) parts.push({ type: "text", value: node.value.slice(at, match.index) });
    parts.push({
      type: "link",
      url: coinPath(coin.id),
      children: [{ type: "text", value: match[0] }],
      data: { hProperties: { className: [CASHTAG_CLASS] } },
    });
    at = match.index + match[0].length;
  }
  if (at === 0) return [node];
  if (at < node.value.length) parts.push({ type: "text", value: node.value.slice(at) });
  return parts;
}

/**
 * Text only: code and raw HTML are other node types, and an existing link's text, or text inside a raw
 * HTML element (`<a href="…">$BTC</a>`), is left as written, so no link lands inside another.
 */
function walk(parent: Parent, inRawHtml: boolean) {
  let open = 0;
  for (let index = 0; index < parent.children.length; index += 1) {
    const child = parent.children[index]!;
    if (child.type === "html") open = Math.max(0, open + openedBy(child.value));
    else if (child.type === "link" || child.type === "linkReference") continue;
    else if (child.type === "text") {
      if (inRawHtml || open > 0) continue;
      const parts = linkCashtagsIn(child);
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      index += parts.length - 1;
    } else if ("children" in child) walk(child, inRawHtml || open > 0);
  }
}

/** `$BTC` → a link to the coin's page, for the symbols the site knows (lib/market/known-coins.ts). */
export function remarkCashtags() {
  return (tree: Root, file: VFile) => {
    if (MAY_HOLD_CASHTAG.test(String(file.value))) walk(tree, false);
  };
}
