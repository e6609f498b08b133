import type { Element, Root as HastRoot } from "hast";
import { raw } from "hast-util-raw";
import type { Root as MdastRoot } from "mdast";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { type Options as SanitizeSchema, defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import type { Processor } from "unified";
import { EXIT, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { CASHTAG_CLASS, remarkCashtags } from "./cashtags";
import { markdownText } from "./text";

// GFM's autolink literals ("https://…", "www.…", e-mail addresses in plain text) become links after
// parsing, by GitHub's own second algorithm, which spares micromark a check at every character.
const [linkBareAddresses] = gfmAutolinkLiteralFromMarkdown().transforms!;
/** Text that could hold a bare web or e-mail address; addresses inside link destinations are not text. */
const MAY_HOLD_ADDRESS = /https?:\/\/|www\.|@/i;

/**
 * Links the post's bare addresses (only when its text could hold one: the search for them is a fifth of a
 * post's parse) and notes whether it has raw HTML.
 */
function remarkInspect() {
  return (tree: MdastRoot, file: VFile) => {
    if (MAY_HOLD_ADDRESS.test(markdownText(String(file.value)))) linkBareAddresses!(tree);
    // Raw HTML needs a "<": most posts have none, and skip the walk that looks for it.
    if (String(file.value).includes("<")) {
      visit(tree, "html", () => {
        file.data.hasRawHtml = true;
        return EXIT;
      });
    }
  };
}

/** Raw HTML is reparsed (to be sanitised) only in posts that have some: the reparse doubles a post's cost. */
function rehypeRawWhenPresent() {
  return (tree: HastRoot, file: VFile) => (file.data.hasRawHtml ? (raw(tree, { file }) as HastRoot) : tree);
}

/**
 * Body images load lazily (the cover is the page's lead image, these are not), and a body "# Heading"
 * becomes an h2: the headline is the page's only h1. The sanitiser prefixes ids ("user-content-") so a
 * post cannot take the page's own; links within the post (footnotes, "#section") follow their target.
 */
function rehypeArticleBody() {
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    const inPageLinks: Element[] = [];
    visit(tree, "element", (node) => {
      if (node.tagName === "img") node.properties.loading = "lazy";
      if (node.tagName === "h1") node.tagName = "h2";
      if (typeof node.properties.id === "string") {
        // A heading titled "Comments" must not take the id of the page's comments section.
        if (PAGE_IDS.test(node.properties.id)) node.properties.id = `${CLOBBER_PREFIX}${node.properties.id}`;
        ids.add(node.properties.id);
      }
      const { href } = node.properties;
      if (node.tagName === "a" && typeof href === "string" && href.startsWith("#")) inPageLinks.push(node);
    });
    for (const link of inPageLinks) {
      const target = String(link.properties.href).slice(1);
      if (!ids.has(target) && ids.has(`${CLOBBER_PREFIX}${target}`)) link.properties.href = `#${CLOBBER_PREFIX}${target}`;
    }
  };
}

/**
 * GitHub Flavored Markdown, one piece at a time: each syntax extension makes micromark check every
 * character, so a post gets only the ones its text could use. A post that could use none parses as
 * plain CommonMark, at about a third of full GFM's cost.
 */
const gfmFeatures = {
  table: { mayUse: /\|/, syntax: gfmTable, tree: gfmTableFromMarkdown },
  strikethrough: { mayUse: /~/, syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown },
  footnote: { mayUse: /\[\^/, syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  taskList: { mayUse: /\[[ xX]\]/, syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
};
type GfmFeature = keyof typeof gfmFeatures;

function remarkGfmFeatures(this: Processor, features: GfmFeature[]) {
  const data = this.data();
  for (const feature of features) {
    const { syntax, tree } = gfmFeatures[feature];
    (data.micromarkExtensions ??= []).push(syntax());
    (data.fromMarkdownExtensions ??= []).push(tree());
  }
}

const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? "user-content-";

/** Ids the page around a post gives its own parts (components/layout, article, comments, search). */
const PAGE_IDS = /^(?:main|comments?(?:-.+)?|related-heading|site-search(?:-.+)?)$/;

// GitHub's schema (no scripts, styles, event handlers, iframes, forms or javascript: URLs; inputs
// only as disabled task-list checkboxes), plus a few harmless inline elements editors use, and the
// cashtag links' class (the only class a link may have besides the footnotes').
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Dropped with their contents, not just their tags: a <style> block must not show its CSS as text.
  strip: ["script", "style", "template", "noscript", "iframe", "textarea", "title", "xmp", "noembed", "noframes"],
  tagNames: [...(defaultSchema.tagNames ?? []), "abbr", "mark", "figure", "figcaption"],
  attributes: {
    ...defaultSchema.attributes,
    abbr: ["title"],
    a: (defaultSchema.attributes?.a ?? []).map((entry) => (Array.isArray(entry) && entry[0] === "className" ? [...entry, CASHTAG_CLASS] : entry)),
  },
};

function createProcessor(features: GfmFeature[]) {
  return remark()
    .use(remarkGfmFeatures, features)
    .use(remarkInspect)
    // After bare addresses are linked: a "$BTC" in one stays part of its address.
    .use(remarkCashtags)
    // Ids are prefixed once, by the sanitiser, for Markdown's footnotes and raw HTML alike.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
    .use(rehypeRawWhenPresent)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(rehypeExternalLinks, { rel: ["noopener", "noreferrer"] })
    .use(rehypeArticleBody)
    .use(rehypeStringify);
}

// One processor per combination of features in use (at most 16), made when first needed.
const processors = new Map<string, ReturnType<typeof createProcessor>>();

function processorFor(markdown: string) {
  const features = (Object.keys(gfmFeatures) as GfmFeature[]).filter((feature) => gfmFeatures[feature].mayUse.test(markdown));
  const key = features.join();
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = createProcessor(features)));
  return processor;
}

/** Markdown to sanitised HTML. Not kept: a page that shows it is cached as a whole. */
export function renderMarkdown(markdown: string): string {
  return String(processorFor(markdown).processSync(markdown));
}
