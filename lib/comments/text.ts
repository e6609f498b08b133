import LinkifyIt from "linkify-it";

/** A piece of a comment's text: plain text, a line break, or a web link. */
export type CommentInline = { type: "text"; text: string } | { type: "break" } | { type: "link"; href: string; text: string };
export type CommentParagraph = CommentInline[];

// Only addresses written with http:// or https:// (so "Crypto.com" stays a name); no e-mail or
// other schemes: "javascript:" and its kin stay text.
const linkify = new LinkifyIt({}, { fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
  .add("mailto:", null)
  .add("ftp:", null)
  .add("//", null);

function inlines(line: string): CommentInline[] {
  const parts: CommentInline[] = [];
  let last = 0;
  for (const match of linkify.match(line) ?? []) {
    if (!/^https?:\/\//i.test(match.url)) continue;
    if (match.index > last) parts.push({ type: "text", text: line.slice(last, match.index) });
    parts.push({ type: "link", href: match.url, text: match.raw });
    last = match.lastIndex;
  }
  if (last < line.length) parts.push({ type: "text", text: line.slice(last) });
  return parts;
}

/**
 * A comment is plain text: blank lines make paragraphs, single line breaks are kept, and web
 * addresses become links. Nothing else is interpreted, so HTML and Markdown stay as typed.
 */
export function commentParagraphs(body: string): CommentParagraph[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) =>
      paragraph.split("\n").flatMap((line, index) => [...(index > 0 ? [{ type: "break" } as const] : []), ...inlines(line)]),
    );
}
