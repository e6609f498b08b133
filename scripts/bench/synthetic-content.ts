import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const WORDS = (
  "bitcoin ether market traders exchange regulator liquidity inflows outflows funds custody stablecoin " +
  "protocol lending yield validators network fees volatility derivatives options futures leverage " +
  "analysts investors treasury reserves settlement compliance licence court filing ruling policy " +
  "the a of to and in on for with as by at from that this it its was were is are will would could"
).split(" ");
const CATEGORIES = ["markets", "regulation", "exchanges", "defi"];
const TAGS = ["Bitcoin", "Ethereum", "ETF", "Stablecoins", "Türkiye", "Layer 2 / Rollups", "DeFi", "Mining", "U.S. SEC"];

/** A small deterministic generator, so every run benchmarks the same text. */
export function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

export function sentence(next: () => number): string {
  const length = 8 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** About 800 words: paragraphs, two headings, a list, links, emphasis and, on every fifth post, a table. */
function body(index: number): string {
  const next = random(index + 1);
  const paragraph = () => Array.from({ length: 5 }, () => sentence(next)).join(" ");
  const blocks = [paragraph(), paragraph(), "## What happened", paragraph(), `A **key** figure: see [the filing](https://example.com/filings/${index}) and _the data_.`, paragraph(), paragraph()];
  blocks.push("- first point about the market\n- second point about flows\n- third point about policy", "## What comes next");
  if (index % 5 === 0) blocks.push("| Fund | Flow ($m) |\n|---|---|\n| Alpha | 120 |\n| Beta | -45 |");
  blocks.push(paragraph(), paragraph(), paragraph(), paragraph(), paragraph(), paragraph());
  return blocks.join("\n\n");
}

/** Writes a complete content folder of `count` posts (plus categories and authors) under `dir`. */
export function writeSyntheticContent(dir: string, count: number) {
  mkdirSync(path.join(dir, "posts"), { recursive: true });
  mkdirSync(path.join(dir, "authors"), { recursive: true });
  writeFileSync(
    path.join(dir, "categories.yml"),
    CATEGORIES.map((slug) => `- slug: ${slug}\n  name: ${slug.toUpperCase()}\n  description: The ${slug} desk.\n`).join(""),
  );
  for (const author of ["alice", "bob", "carol"]) {
    writeFileSync(path.join(dir, "authors", `${author}.md`), `---\nname: ${author} Example\n---\nA reporter.\n`);
  }
  const start = Date.UTC(2020, 0, 1);
  for (let index = 0; index < count; index += 1) {
    const date = new Date(start + index * 3_600_000).toISOString().replace(".000Z", "Z");
    const tags = [TAGS[index % TAGS.length], TAGS[(index * 7) % TAGS.length]].map((tag) => JSON.stringify(tag));
    const frontmatter = [
      `title: "Synthetic story number ${index}"`,
      `description: "A generated story for the benchmark, number ${index}."`,
      `date: ${date}`,
      `author: ${["alice", "bob", "carol"][index % 3]}`,
      `category: ${CATEGORIES[index % CATEGORIES.length]}`,
      `tags: [${[...new Set(tags)].join(", ")}]`,
    ];
    writeFileSync(path.join(dir, "posts", `story-${index}.md`), `---\n${frontmatter.join("\n")}\n---\n${body(index)}\n`);
  }
}
