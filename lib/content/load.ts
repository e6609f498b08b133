import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { coinsNamed } from "./coins";
import { toTimestamp } from "./dates";
import { parseFrontmatter } from "./frontmatter";
import { type ContentProblem, editorErrors, problemsFromZod } from "./problems";
import { statusAt } from "./queries";
import { renderMarkdown } from "./render";
import {
  type PostFrontmatter,
  SLUG_PATTERN,
  authorFrontmatterSchema,
  categoriesFileSchema,
  categorySchema,
  postFrontmatterSchema,
} from "./schema";
import { tagSlug } from "./tags";
import { markdownText, textStatistics } from "./text";
import { YamlError, notValidYaml, parseYaml } from "./yaml";
import type { Author, Category, Content, Post, PostBody } from "./types";

export type LoadOptions = {
  /** Posts dated after this instant are scheduled. */
  now?: number;
  /** Where cover images live; `image: /images/a.jpg` must exist at `<publicDir>/images/a.jpg`. */
  publicDir?: string;
  /**
   * Receives each valid post's body as it is read, and the content then keeps none: a build streams an
   * archive's bodies to disk. Without it, the bodies are kept in memory.
   */
  onBody?: (post: Post, body: PostBody) => void;
};

export type LoadResult = { content: Content; problems: ContentProblem[] };

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/** Reads and validates everything under `dir`, reporting every problem at once rather than the first. */
export function loadContent(dir: string, options: LoadOptions = {}): LoadResult {
  const problems: ContentProblem[] = [];
  const report = (file: string, message: string) => problems.push({ file, message });
  const categories = readCategories(dir, report, problems);
  const authors = readAuthors(dir, report, problems);
  const markdown = new Map<string, string>();
  const onBody = options.onBody ?? ((post: Post, body: PostBody) => markdown.set(post.slug, body.markdown));
  const posts = readPosts(dir, { categories, authors, report, problems, ...options, onBody });
  // Grouped by file, in the order found within each file.
  problems.sort((a, b) => a.file.localeCompare(b.file));
  return { content: { posts, authors, categories, markdownOf: (slug) => markdown.get(slug) }, problems };
}

type Report = (file: string, message: string) => void;

function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function listMarkdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && MARKDOWN_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function slugFromFile(file: string, report: Report): string | undefined {
  const name = path.basename(file).replace(MARKDOWN_FILE, "");
  if (SLUG_PATTERN.test(name)) return name;
  // The tag rule makes a good name from most text; one it cannot make (no Latin letters) is not offered.
  const suggestion = tagSlug(name);
  report(
    displayPath(file),
    `the file name "${name}" is not a valid slug (lowercase letters, digits and single hyphens)` +
      (SLUG_PATTERN.test(suggestion)
        ? `; rename the file to "${suggestion}${path.extname(file).toLowerCase()}"`
        : "; name it in Latin letters, e.g. eth-etf-flows.md"),
  );
  return undefined;
}

function readCategories(dir: string, report: Report, problems: ContentProblem[]): Category[] {
  const file = path.join(dir, "categories.yml");
  const shown = displayPath(file);
  if (!existsSync(file)) {
    report(shown, "is missing: it lists the site's categories (slug, name, description)");
    return [];
  }
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    report(shown, `is ${notValidYaml(error)}`);
    return [];
  }
  const parsed = categoriesFileSchema.safeParse(data, { error: editorErrors(Object.keys(categorySchema.shape)) });
  if (!parsed.success) {
    problems.push(...problemsFromZod(shown, parsed.error));
    return [];
  }
  const seen = new Set<string>();
  for (const category of parsed.data) {
    if (seen.has(category.slug)) report(shown, `the category "${category.slug}" is listed twice`);
    seen.add(category.slug);
  }
  return parsed.data;
}

/** A file's slug from its name, unless it is not a valid slug or another file has it already (both reported). */
function claimSlug(file: string, claimed: Map<string, string>, report: Report): string | undefined {
  const slug = slugFromFile(file, report);
  if (!slug) return undefined;
  const other = claimed.get(slug);
  if (other) {
    report(displayPath(file), `the slug "${slug}" is already used by ${displayPath(other)}; rename one of them`);
    return undefined;
  }
  claimed.set(slug, file);
  return slug;
}

function readAuthors(dir: string, report: Report, problems: ContentProblem[]): Author[] {
  const authors: Author[] = [];
  const fileBySlug = new Map<string, string>();
  for (const file of listMarkdownFiles(path.join(dir, "authors"))) {
    const slug = claimSlug(file, fileBySlug, report);
    const parsedFile = parseFrontmatter(readFileSync(file, "utf8"));
    if (!parsedFile.ok) {
      report(displayPath(file), parsedFile.message);
      continue;
    }
    const parsed = authorFrontmatterSchema.safeParse(parsedFile.data, { error: authorErrors });
    if (!parsed.success) {
      problems.push(...problemsFromZod(displayPath(file), parsed.error));
      continue;
    }
    if (slug) authors.push({ ...parsed.data, slug, bioHtml: renderMarkdown(parsedFile.body) });
  }
  return authors;
}

type PostContext = LoadOptions & {
  onBody: NonNullable<LoadOptions["onBody"]>;
  categories: Category[];
  authors: Author[];
  report: Report;
  problems: ContentProblem[];
};

const postErrors = editorErrors(Object.keys(postFrontmatterSchema.shape));
const authorErrors = editorErrors(Object.keys(authorFrontmatterSchema.shape));

function readPosts(dir: string, context: PostContext): Post[] {
  const { report } = context;
  const postsDir = path.join(dir, "posts");
  const files = listMarkdownFiles(postsDir);
  if (files.length === 0) report(displayPath(postsDir), "has no posts (Markdown files)");

  // Every slug is known from the file names before any file is read, so `related` can be checked in one pass.
  const fileBySlug = new Map<string, string>();
  const slugs = files.map((file) => claimSlug(file, fileBySlug, report));

  const posts = files.flatMap((file, index) => readPost(file, slugs[index], { ...context, postSlugs: fileBySlug }) ?? []);
  return posts.sort((a, b) => b.publishedAt - a.publishedAt || a.slug.localeCompare(b.slug));
}

function readPost(
  file: string,
  slug: string | undefined,
  context: PostContext & { postSlugs: Map<string, string> },
): Post | undefined {
  const { report, problems } = context;
  const shown = displayPath(file);
  const parsedFile = parseFrontmatter(readFileSync(file, "utf8"));
  if (!parsedFile.ok) {
    report(shown, parsedFile.message);
    return undefined;
  }
  const parsed = postFrontmatterSchema.safeParse(parsedFile.data, { error: postErrors });
  if (!parsed.success) {
    problems.push(...problemsFromZod(shown, parsed.error));
    // The references are checked too, where those fields are valid themselves: every problem at once.
    checkReferences(shown, slug, validReferences(parsedFile.data), context);
    return undefined;
  }
  const before = problems.length;
  checkReferences(shown, slug, parsed.data, context);
  const tags = uniqueTags(shown, parsed.data.tags, report);
  if (problems.length > before || !slug) return undefined;

  const { draft, tags: _tags, coins: _coins, ...frontmatter } = parsed.data;
  const publishedAt = toTimestamp(frontmatter.date);
  const now = context.now ?? Date.now();
  const status = statusAt(draft, publishedAt, now);
  const body = { markdown: parsedFile.body, text: markdownText(parsedFile.body) };
  // Found now, while the body is in hand: onBody may stream it away.
  const coins = coinsNamed(parsed.data.coins, tags, body.text);
  const post = { ...frontmatter, slug, file: shown, tags, coins, status, publishedAt, ...textStatistics(body.text) };
  context.onBody(post, body);
  return post;
}

/** The fields that name other content; one left out (missing or invalid) is not checked. */
type References = Partial<Pick<PostFrontmatter, "author" | "category" | "image" | "related">>;

/** The reference fields of frontmatter that failed validation, those that are valid on their own. */
function validReferences(data: Record<string, unknown>): References {
  const { author, category, image, related } = postFrontmatterSchema.shape;
  return {
    author: author.safeParse(data.author).data,
    category: category.safeParse(data.category).data,
    image: image.safeParse(data.image).data,
    related: related.safeParse(data.related).data,
  };
}

function checkReferences(
  file: string,
  slug: string | undefined,
  post: References,
  context: PostContext & { postSlugs: Map<string, string> },
) {
  const { authors, categories, report, postSlugs } = context;
  for (const related of post.related ?? []) {
    if (related === slug) report(file, `related lists the post itself ("${related}")`);
    else if (!postSlugs.has(related)) report(file, `related post "${related}" does not exist (no file posts/${related}.md)`);
  }
  if (post.author !== undefined && !authors.some((author) => author.slug === post.author)) {
    const known = authors.map((author) => author.slug).join(", ") || "none";
    report(file, `author "${post.author}" is not defined; known authors: ${known}`);
  }
  if (post.category !== undefined && !categories.some((category) => category.slug === post.category)) {
    const known = categories.map((category) => category.slug).join(", ") || "none";
    report(file, `category "${post.category}" is not defined; known categories: ${known}`);
  }
  if (post.image) {
    // Checked at build time only; the ignore keeps Turbopack from tracing all of public/ into the server.
    const imageFile = path.join(/*turbopackIgnore: true*/ context.publicDir ?? "public", post.image);
    if (!existsSync(imageFile)) report(file, `image "${post.image}" was not found; put the file at ${displayPath(imageFile)}`);
  }
}

function uniqueTags(file: string, names: string[], report: Report) {
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = tagSlug(name);
    if (!slug) report(file, `tag "${name}" has no letters, digits or symbols to make a web address from; add a word`);
    else if (!bySlug.has(slug)) bySlug.set(slug, name);
  }
  return [...bySlug].map(([slug, name]) => ({ slug, name }));
}
