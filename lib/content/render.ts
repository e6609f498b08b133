import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import { toString } from "mdast-util-to-string";
import readingTime from "reading-time";
import rehypeExternalLinks from "rehype-external-links";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import type { VFile } from "vfile";
import { CONTINUE, SKIP, visit } from "unist-util-visit";

export type RenderedMarkdown = {
  html: string;
  wordCount: number;
  readingMinutes: number;
};

/** Keeps the text of each block, space-separated, for word counts before the tree turns into HTML. */
function remarkPlainText() {
  return (tree: MdastRoot, file: VFile) => {
    const blocks: string[] = [];
    visit(tree, (node) => {
      if (node.type !== "paragraph" && node.type !== "heading" && node.type !== "tableCell") return CONTINUE;
      blocks.push(toString(node));
      return SKIP;
    });
    file.data.plainText = blocks.join("\n");
  };
}

/** Body images load lazily: the cover is the page's lead image, these are not. */
function rehypeLazyImages() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node) => {
      if (node.tagName === "img") node.properties.loading = "lazy";
    });
  };
}

// GitHub's schema (no scripts, styles, event handlers, iframes, forms or javascript: URLs; inputs
// only as disabled task-list checkboxes), plus a few harmless inline elements editors use.
const sanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "abbr", "mark", "figure", "figcaption"],
  attributes: { ...defaultSchema.attributes, abbr: ["title"] },
};

const processor = remark()
  .use(remarkGfm)
  .use(remarkPlainText)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeSlug)
  .use(rehypeExternalLinks, { rel: ["noopener", "noreferrer"] })
  .use(rehypeLazyImages)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const file = processor.processSync(markdown);
  const stats = readingTime(String(file.data.plainText ?? ""));
  return {
    html: String(file),
    wordCount: stats.words,
    readingMinutes: Math.max(1, Math.ceil(stats.minutes)),
  };
}
