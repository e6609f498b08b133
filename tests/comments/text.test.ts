import { describe, expect, it } from "vitest";
import { commentBodyHtml, commentItemsHtml } from "@/lib/comments/html";
import type { PublicComment } from "@/lib/comments/queries";
import { commentParagraphs } from "@/lib/comments/text";

const rel = 'rel="nofollow ugc noopener noreferrer"';
const longWord = "w".repeat(10_000);
const longUrl = `https://example.com/${"a".repeat(9_980)}`;

const bodies = {
  script: "<script>alert(1)</script>",
  img: "<img src=x onerror=alert(1)>",
  javascript: "javascript:alert(1)",
  markdownLink: "[x](javascript:alert(1)) and [y](https://example.com)",
  entities: "&lt;b&gt; &amp; &#60;i&#62;",
  longWord,
  longUrl,
  rtl: "Fake \u202Egpj.exe and مرحبا بالعالم",
  query: "https://example.com/a?b=1&c=<x>",
  quote: `https://example.com/it's"><svg onload=alert(1)>`,
  ampersand: `https://example.com/a'b&c=d`,
  names: "Crypto.com and www.x.com and x.com/path, mail me at a@b.com, ftp://files.example, //example.com",
  paragraphs: "First paragraph\nsame paragraph\n\nSecond\n \t \nThird\n\n\n\n",
  blankOnly: "\n\n \n",
  punctuation: "(see https://example.com/x). Or HTTPS://EXAMPLE.COM/Y, or http://localhost:3000/z!",
};
type Case = keyof typeof bodies;

const html = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, commentBodyHtml(body)])) as Record<Case, string>;

describe("a comment's text as HTML", () => {
  it("escapes HTML, so tags arrive as text", () => {
    expect(html.script).toBe('<p dir="auto">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html.img).toBe('<p dir="auto">&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it("makes no link of a javascript: address, bare or in Markdown, and leaves Markdown as typed", () => {
    expect(html.javascript).toBe('<p dir="auto">javascript:alert(1)</p>');
    expect(html.markdownLink).toBe(
      `<p dir="auto">[x](javascript:alert(1)) and [y](<a href="https://example.com" ${rel}>https://example.com</a>)</p>`,
    );
  });

  it("shows entities as the reader typed them, not as the characters they name", () => {
    expect(html.entities).toBe('<p dir="auto">&amp;lt;b&amp;gt; &amp;amp; &amp;#60;i&amp;#62;</p>');
  });

  it("keeps a 10,000-character word whole, and a 10,000-character address as one link", () => {
    expect(html.longWord).toBe(`<p dir="auto">${longWord}</p>`);
    expect(html.longUrl).toBe(`<p dir="auto"><a href="${longUrl}" ${rel}>${longUrl}</a></p>`);
  });

  it("leaves the text direction to the browser per paragraph, so right-to-left text cannot spill over", () => {
    expect(html.rtl).toBe('<p dir="auto">Fake \u202Egpj.exe and مرحبا بالعالم</p>');
  });

  it("links a web address with the comment rel, escaping it in the attribute and stopping at characters that end a URL", () => {
    expect(html.query).toBe(`<p dir="auto"><a href="https://example.com/a?b=1&amp;c=" ${rel}>https://example.com/a?b=1&amp;c=</a>&lt;x&gt;</p>`);
    expect(html.quote).toBe(
      `<p dir="auto"><a href="https://example.com/it&#x27;s" ${rel}>https://example.com/it&#x27;s</a>&quot;&gt;&lt;svg onload=alert(1)&gt;</p>`,
    );
    expect(html.ampersand).toBe(`<p dir="auto"><a href="https://example.com/a&#x27;b&amp;c=d" ${rel}>https://example.com/a&#x27;b&amp;c=d</a></p>`);
  });

  it("links only addresses written with http:// or https://", () => {
    expect(html.names).not.toContain("<a");
    expect(html.punctuation).toBe(
      `<p dir="auto">(see <a href="https://example.com/x" ${rel}>https://example.com/x</a>). ` +
        `Or <a href="HTTPS://EXAMPLE.COM/Y" ${rel}>HTTPS://EXAMPLE.COM/Y</a>, ` +
        `or <a href="http://localhost:3000/z" ${rel}>http://localhost:3000/z</a>!</p>`,
    );
  });

  it("makes paragraphs of blank lines and <br> of single line breaks", () => {
    expect(html.paragraphs).toBe('<p dir="auto">First paragraph<br/>same paragraph</p><p dir="auto">Second</p><p dir="auto">Third</p>');
    expect(html.blankOnly).toBe("");
  });
});

describe("commentParagraphs", () => {
  it("answers plain text pieces, never markup", () => {
    expect(commentParagraphs(bodies.script)).toEqual([[{ type: "text", text: "<script>alert(1)</script>" }]]);
    expect(commentParagraphs(bodies.markdownLink)).toEqual([
      [
        { type: "text", text: "[x](javascript:alert(1)) and [y](" },
        { type: "link", href: "https://example.com", text: "https://example.com" },
        { type: "text", text: ")" },
      ],
    ]);
  });

  it("splits paragraphs on blank (or blank-looking) lines and keeps single breaks", () => {
    expect(commentParagraphs(bodies.paragraphs)).toEqual([
      [{ type: "text", text: "First paragraph" }, { type: "break" }, { type: "text", text: "same paragraph" }],
      [{ type: "text", text: "Second" }],
      [{ type: "text", text: "Third" }],
    ]);
    expect(commentParagraphs("")).toEqual([]);
    expect(commentParagraphs(bodies.blankOnly)).toEqual([]);
  });

  it("links each http(s) address and nothing else", () => {
    const links = (body: string) => commentParagraphs(body).flat().filter((part) => part.type === "link");
    expect(links(bodies.names)).toEqual([]);
    expect(links("mailto:a@b.com sftp://x.example file:///etc/passwd data:text/html,<b>x</b> vbscript:msgbox")).toEqual([]);
    expect(links("two: http://a.example/1 https://b.example/2?q=1#top")).toEqual([
      { type: "link", href: "http://a.example/1", text: "http://a.example/1" },
      { type: "link", href: "https://b.example/2?q=1#top", text: "https://b.example/2?q=1#top" },
    ]);
  });

  it("keeps a long word in one piece", () => {
    expect(commentParagraphs(longWord)).toEqual([[{ type: "text", text: longWord }]]);
  });
});

describe("a list of comments as HTML", () => {
  const comment = (id: string, authorName: string, body: string, replies: PublicComment[] = []): PublicComment => ({
    id,
    authorName,
    body,
    createdAt: "2026-11-21T14:05:00.000Z",
    replies,
  });

  it("writes each comment with its author, date, text and replies, and a reply link on top-level ones only", () => {
    const html = commentItemsHtml([comment("a1", "Ada", "First", [comment("b2", "Bo", "Second")])], (id) => `/news/x/reply/${id}#comment-form`);
    expect(html).toBe(
      '<li id="comment-a1" class="comment"><article><header class="comment__meta"><bdi class="comment__author">Ada</bdi> ' +
        '<time datetime="2026-11-21T14:05:00.000Z">21 November 2026</time></header><div class="comment__body"><p dir="auto">First</p></div>' +
        '<a class="comment__reply" href="/news/x/reply/a1#comment-form" data-reply-to="a1" data-reply-name="Ada">Reply<span class="visually-hidden"> to Ada</span></a></article>' +
        '<ol class="comment-list comment-list--replies"><li id="comment-b2" class="comment"><article><header class="comment__meta"><bdi class="comment__author">Bo</bdi> ' +
        '<time datetime="2026-11-21T14:05:00.000Z">21 November 2026</time></header><div class="comment__body"><p dir="auto">Second</p></div></article></li></ol></li>',
    );
  });

  it("escapes a hostile name everywhere it appears, in text and in attributes", () => {
    const hostile = `"><img src=x onerror=alert(1)>'`;
    const html = commentItemsHtml([comment("c3", hostile, "Hi")], (id) => `/news/x/reply/${id}`);
    expect(html).not.toContain("<img");
    expect(html.split("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#x27;")).toHaveLength(4);
  });
});
