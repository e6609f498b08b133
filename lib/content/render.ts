import type { Root as HastRoot } from "hast";
import { raw } from "hast-util-raw";
import type { Root as MdastRoot } from "mdast";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { toString } from "mdast-util-to-string";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import type { Processor } from "unified";
import { CONTINUE, EXIT, SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

export type RenderedMarkdown = {
  html: string;
  /** The text of the body's blocks, one a line: what search indexes. */
  plainText: string;
  wordCount: number;
  readingMinutes: number;
};

/** A word: letters and digits, with inner apostrophes, hyphens or points ("don't", "layer-2", "1.2bn"). */
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
/** An adult's silent reading speed for news prose. */
const WORDS_PER_MINUTE = 230;

/** Notes whether a post has raw HTML, and keeps the text of its blocks, one a line. */
function remarkInspect() {
  return (tree: MdastRoot, file: VFile) => {
    visit(tree, "html", () => {
      file.data.hasRawHtml = true;
      return EXIT;
    });
    const blocks: string[] = [];
    visit(tree, (node) => {
      if (node.type !== "paragraph" && node.type !== "heading" && node.type !== "tableCell") return CONTINUE;
      blocks.push(toString(node));
      return SKIP;
    });
    file.data.plainText = blocks.join("\n");
  };
}

/** Raw HTML is reparsed (to be sanitised) only in posts that have some: the reparse doubles a post's cost. */
function rehypeRawWhenPresent() {
  return (tree: HastRoot, file: VFile) => (file.data.hasRawHtml ? (raw(tree, { file }) as HastRoot) : tree);
}

/**
 * Body images load lazily (the cover is the page's lead image, these are not), and a body "# Heading"
 * becomes an h2: the headline is the page's only h1.
 */
function rehypeArticleBody() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node) => {
      if (node.tagName === "img") node.properties.loading = "lazy";
      if (node.tagName === "h1") node.tagName = "h2";
    });
  };
}

/**
 * Bare URLs and e-mail addresses become links after parsing, by GitHub's own second algorithm
 * (mdast-util-gfm-autolink-literal), which spares micromark a check at every character.
 */
function remarkAutolinkLiterals(this: Processor) {
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).push(gfmAutolinkLiteralFromMarkdown());
}

// GitHub's schema (no scripts, styles, event handlers, iframes, forms or javascript: URLs; inputs
// only as disabled task-list checkboxes), plus a few harmless inline elements editors use.
const sanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "abbr", "mark", "figure", "figcaption"],
  attributes: { ...defaultSchema.attributes, abbr: ["title"] },
};

function createProcessor({ gfmSyntax }: { gfmSyntax: boolean }) {
  const parser = remark();
  if (gfmSyntax) parser.use(remarkGfm);
  else parser.use(remarkAutolinkLiterals);
  return parser
    .use(remarkInspect)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawWhenPresent)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(rehypeExternalLinks, { rel: ["noopener", "noreferrer"] })
    .use(rehypeArticleBody)
    .use(rehypeStringify);
}

const gfmProcessor = createProcessor({ gfmSyntax: true });
const commonmarkProcessor = createProcessor({ gfmSyntax: false });

/**
 * Tables need "|", strikethrough "~", footnotes "[^" and task lists "[ ]" or "[x]": a post without
 * any of them parses the same without GFM's syntax extensions, at about half the cost.
 */
const GFM_SYNTAX = /[|~]|\[\^|\[[ xX]\]/;

const renderedPosts = new WeakMap<{ markdown: string }, RenderedMarkdown>();

/**
 * A post's body rendered, once per process and only when first needed: listing which pages exist
 * (Next's "collecting page data") needs no HTML, and each page renders only the posts it shows.
 */
export function renderPost(post: { markdown: string }): RenderedMarkdown {
  let rendered = renderedPosts.get(post);
  if (!rendered) renderedPosts.set(post, (rendered = renderMarkdown(post.markdown)));
  return rendered;
}

/** Markdown to sanitised HTML, with the post's word count and reading time. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const processor = GFM_SYNTAX.test(markdown) ? gfmProcessor : commonmarkProcessor;
  const file = processor.processSync(markdown);
  const plainText = String(file.data.plainText ?? "");
  const wordCount = plainText.match(WORD)?.length ?? 0;
  return {
    html: String(file),
    plainText,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
  };
}
