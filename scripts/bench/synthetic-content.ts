import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Words too common to tell stories apart: about four in ten words of news prose. */
const FUNCTION_WORDS = "the a of to and in on for with as by at from that this it its was were is are will would could".split(" ");
/**
 * What stories are about, commonest first: a story takes a few of these as its subject, so "bitcoin" is
 * in most stories and "ransomware" in a few, as on a real crypto news site.
 */
const TOPIC_WORDS = (
  "bitcoin market price traders exchange ether funds investors regulator analysts liquidity stablecoin " +
  "network tokens inflows outflows custody protocol lending yield volatility derivatives options futures " +
  "leverage treasury reserves settlement compliance court filing ruling policy mining difficulty record " +
  "validators fees binance solana staking hack hackers ransomware gang police seized wallet bridge " +
  "regulation lawmakers senate tax audit payments bank bonds inflation rates dollar gold miners halving " +
  "upgrade developers airdrop governance vote treasury listing delisting fraud charges lawsuit settlement"
).split(" ");
/** Everything else a story says: made-up words of news-like length, drawn with Zipf's law. */
const SYLLABLES = "ba be bi bo ca ce co da de di do fa fe fi ga ge go ka ke ki la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi".split(" ");
const ENDINGS = ["n", "r", "s", "nd", "rt", "st", "ng", "ns", "rd", "nts"];
/** Tags, commonest first: each story takes three or four, by Zipf's law, as a newsroom tags. */
const TAGS = [
  "Bitcoin", "Ethereum", "ETF", "Stablecoins", "Regulation", "DeFi", "Mining", "U.S. SEC", "Exchanges", "Solana",
  "Türkiye", "Layer 2 / Rollups", "Hacks", "Custody", "Tether", "Binance", "MiCA", "Staking", "NFTs", "CBDC",
  "Taxes", "Lawsuits", "Ripple", "Derivatives", "Ransomware", "Venture", "Payments", "Wallets", "Oracles", "Bridges",
  "Airdrops", "Governance", "Fed", "Inflation", "Gold", "Halving", "Miners", "Hong Kong", "Singapore", "Dubai",
  "Argentina", "Nigeria", "El Salvador", "Japan", "Korea", "India", "Brazil", "Canada", "Australia", "U.K.",
];
const CATEGORIES = ["markets", "regulation", "exchanges", "defi", "security", "policy"];
const AUTHORS = ["alice", "bob", "carol", "dan", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar"];
/** One story in a hundred is scheduled (dated after the build), one in a hundred a draft. */
const SCHEDULED_EVERY = 100;
const DRAFT_EVERY = 101;
/** The archive's span: the posts' dates are spread over these years up to the day the content is written. */
const YEARS = 10;

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

/** Picks from `words` by Zipf's law (the n-th commonest word n times rarer than the first). */
function zipf(words: string[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= words.length; rank += 1) cumulative.push((total += 1 / rank));
  return (next: () => number) => {
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
}

const madeUpWords = (() => {
  const next = random(99);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  return [...new Set(Array.from({ length: 6_000 }, () => `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(ENDINGS)}`))];
})();
const otherWord = zipf(madeUpWords);
const topicWord = zipf(TOPIC_WORDS);

/** A sentence of 8 to 21 words: function words, the story's subject and other words, as news prose mixes them. */
export function sentence(next: () => number, subject: string[] = [topicWord(next), topicWord(next)]): string {
  const length = 8 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => {
    const kind = next();
    if (kind < 0.42) return FUNCTION_WORDS[Math.floor(next() * FUNCTION_WORDS.length)];
    if (kind < 0.6) return subject[Math.floor(next() * subject.length)];
    return otherWord(next);
  });
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** About 800 words: paragraphs, two headings, a list, links, emphasis and, on every fifth post, a table. */
function body(index: number): string {
  const next = random(index + 1);
  const subject = Array.from({ length: 4 }, () => topicWord(next));
  const paragraph = () => Array.from({ length: 5 }, () => sentence(next, subject)).join(" ");
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
  for (const author of AUTHORS) {
    writeFileSync(path.join(dir, "authors", `${author}.md`), `---\nname: ${author} Example\n---\nA reporter.\n`);
  }
  const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  const spacing = (YEARS * 365 * 86_400_000) / count;
  const tag = zipf(TAGS);
  for (let index = 0; index < count; index += 1) {
    const next = random(index + 7);
    const scheduled = index % SCHEDULED_EVERY === SCHEDULED_EVERY - 1;
    // Oldest first; a scheduled story is dated days ahead of the day the content is written.
    const moment = scheduled ? today + 86_400_000 * (1 + (index % 30)) : today - (count - index) * spacing;
    const date = new Date(moment).toISOString().replace(/\.\d{3}Z$/, "Z");
    const tags = new Set(Array.from({ length: 3 + (index % 2) }, () => tag(next)));
    const frontmatter = [
      `title: "Synthetic story number ${index}"`,
      `description: "A generated story for the benchmark, number ${index}."`,
      `date: ${date}`,
      `author: ${AUTHORS[index % AUTHORS.length]}`,
      `category: ${CATEGORIES[index % CATEGORIES.length]}`,
      `tags: [${[...tags].map((name) => JSON.stringify(name)).join(", ")}]`,
      ...(index % DRAFT_EVERY === DRAFT_EVERY - 1 ? ["draft: true"] : []),
    ];
    writeFileSync(path.join(dir, "posts", `story-${index}.md`), `---\n${frontmatter.join("\n")}\n---\n${body(index)}\n`);
  }
}
