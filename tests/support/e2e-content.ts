/**
 * The content the end-to-end sites are built from: content/ as a new user gets it, plus drafts and scheduled
 * posts dated from the moment the test run started, so that "scheduled" stays in the future however long
 * after its writing the suite runs (a sample dated 2030 quietly becomes published in 2030).
 *
 * The files are a pure function of the run's moment (E2E_RUN_AT, which playwright.config.ts picks once):
 * the servers' commands write them (`tsx tests/support/e2e-content.ts DIR`), and tests/e2e/sample-content.ts,
 * which the runner loads before any server starts, reads the same files without waiting for them.
 *
 * The generated posts are placed where a leak would show: one shares tags and a category with published
 * stories (so it would be in their "You might like", tag and category pages), one is the only post of its
 * category, author and tag (whose pages must then not exist), and a draft is dated an hour ago (inside the
 * news sitemap's 48 hours).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const SAMPLE_CONTENT = "content";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The run's moment in ms, set once by playwright.config.ts so every process derives the same posts. */
export function e2eRunAt(): number {
  const runAt = Number(process.env.E2E_RUN_AT);
  if (!Number.isInteger(runAt) || runAt <= 0) {
    throw new Error("E2E_RUN_AT must be the test run's start in ms (playwright.config.ts sets it)");
  }
  return runAt;
}

const yaml = (value: string) => JSON.stringify(value); // JSON strings are valid YAML double-quoted scalars
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

type GeneratedPost = { title: string; date: number; author: string; category: string; tags: string[]; draft?: boolean };

function postFile({ title, date, author, category, tags, draft }: GeneratedPost) {
  const frontmatter = [
    `title: ${yaml(title)}`,
    `description: ${yaml(`${title}: a story the end-to-end tests must never find published.`)}`,
    `date: ${isoSeconds(date)}`,
    `author: ${author}`,
    `category: ${category}`,
    `tags: [${tags.map(yaml).join(", ")}]`,
    ...(draft ? ["draft: true"] : []),
  ];
  return `---\n${frontmatter.join("\n")}\n---\n${title}. Written ahead of time; readers see it only once it is published.\n`;
}

/** A category and an author that only unpublished posts use. */
const EMBARGO_CATEGORY = { slug: "embargoed", name: "Embargoed", description: "Stories held until their date." };
const EMBARGO_AUTHOR = "embargo-desk";

function generatedFiles(runAt: number): Record<string, string> {
  return {
    "posts/bitcoin-etf-inflows-seen-doubling-after-quarterly-rebalance.md": postFile({
      title: "Bitcoin ETF inflows seen doubling after quarterly rebalance",
      date: runAt + 3 * DAY,
      author: "maya-okafor",
      category: "markets",
      tags: ["Bitcoin", "ETF", "Fund flows", "Rebalancing"],
    }),
    "posts/embargoed-annual-outlook-for-custody-banks.md": postFile({
      title: "Embargoed annual outlook for custody banks",
      date: runAt + 365 * DAY,
      author: EMBARGO_AUTHOR,
      category: EMBARGO_CATEGORY.slug,
      tags: ["Embargoed outlook"],
    }),
    "posts/ransomware-negotiators-draft-playbook-for-exchanges.md": postFile({
      title: "Ransomware negotiators draft playbook for exchanges",
      date: runAt - HOUR,
      author: "lena-vogel",
      category: "security",
      tags: ["Ransomware", "Law enforcement", "Tether", "Negotiation"],
      draft: true,
    }),
    [`authors/${EMBARGO_AUTHOR}.md`]: "---\nname: Embargo Desk\n---\nWrites only stories that are not out yet.\n",
  };
}

/**
 * Every file of the end-to-end content folder, by path inside it: content/'s files, the generated posts and
 * author, and categories.yml with the embargoed category added.
 */
export function e2eContentFiles(runAt: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(SAMPLE_CONTENT, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(SAMPLE_CONTENT, file).split(path.sep).join("/")] = readFileSync(file, "utf8");
  }
  const category = EMBARGO_CATEGORY;
  files["categories.yml"] += `- slug: ${category.slug}\n  name: ${yaml(category.name)}\n  description: ${yaml(category.description)}\n`;
  return { ...files, ...generatedFiles(runAt) };
}

/** Writes the end-to-end content folder afresh, so no file of an earlier run's is left in it. */
export function writeE2EContent(dir: string, runAt: number) {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(e2eContentFiles(runAt))) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

if (process.argv[1]?.endsWith("e2e-content.ts")) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: tsx tests/support/e2e-content.ts DIR");
  writeE2EContent(dir, e2eRunAt());
}
