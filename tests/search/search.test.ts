import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { createLibrary } from "@/lib/content/queries";
import { createSearch, memorySearchIndex, searchDocuments } from "@/lib/search";
import { cleanQuery } from "@/lib/search/normalize";
import { makeContentDir, postFile } from "../support/content-dir";

const filler = "Markets were calm during the session as traders waited for the next data release.";
const posts: Record<string, Record<string, string> & { body?: string }> = {
  "solana-outage": { title: "Solana network halts for five hours", date: "2024-03-01", body: filler },
  "validator-update": { title: "Validators ship a client update", date: "2024-03-02", body: `${filler} The fix came after the Solana halt.` },
  "ethereum-staking": { title: "Ethereum staking deposits climb", date: "2024-03-03", tags: '["Staking"]', body: filler },
  "binance-licence": { title: "Binance wins a licence in Dubai", date: "2024-03-04", body: filler },
  "turkish-rules": { title: "New licensing rules for exchanges", date: "2024-03-05", tags: '["Türkiye"]', body: filler },
  "ransomware-freeze": { title: "Exchange freezes funds", date: "2024-03-06", body: `${filler} An exchange froze money taken by a ransomware gang.` },
  "exchange-only": { title: "Exchange volumes rise", date: "2024-03-07", body: filler },
  "gang-only": { title: "Police arrest a gang", date: "2024-03-08", body: filler },
  "tag-match": { title: "A quiet week", date: "2024-03-09", tags: '["Stablecoins"]', body: filler },
  "body-match": { title: "Another quiet week", date: "2024-03-10", body: `${filler} Stablecoins grew.` },
  "older-twin": { title: "Mining difficulty record", date: "2024-01-01", body: filler },
  "newer-twin": { title: "Mining difficulty record", date: "2024-02-01", body: filler },
  "secret-draft": { title: "Unfinished", date: "2024-03-01", draft: "true", body: "The word zebracorn appears only here." },
  "future-story": { title: "Coming soon", date: "2030-01-01", body: "The word quokkacoin appears only here." },
  "sol-word": { title: "Sol rises over the desert", date: "2024-02-15", body: filler },
};

const dir = makeContentDir(
  Object.fromEntries(
    Object.entries(posts).map(([slug, { body, ...fields }]) => [`posts/${slug}.md`, postFile(fields, body)]),
  ),
);
const { content, problems } = loadContent(dir, { now: Date.UTC(2025, 0, 1) });
// The index holds everything, drafts and scheduled posts included: each library finds only its own.
const index = memorySearchIndex(searchDocuments(content));
const search = createSearch(createLibrary(content), 10, index);
const slugs = (query: string) => search(query).hits.map((hit) => hit.post.slug);

describe("search relevance", () => {
  it("loads the fixture cleanly", () => expect(problems).toEqual([]));

  it("ranks a title match above a body match", () => {
    expect(slugs("solana")).toEqual(["solana-outage", "validator-update"]);
  });

  it("ranks a tag match above a body match", () => {
    expect(slugs("stablecoins")).toEqual(["tag-match", "body-match"]);
  });

  it("finds misspelt words", () => {
    expect(slugs("etherum")[0]).toBe("ethereum-staking");
    expect(slugs("binanse")[0]).toBe("binance-licence");
  });

  it("finds a long word with two letters swapped", () => {
    expect(slugs("etheruem")[0]).toBe("ethereum-staking");
    expect(slugs("valdiators")[0]).toBe("validator-update");
  });

  it("finds words by their beginning, and ranks a whole word above a longer word it begins", () => {
    expect(slugs("ethe")[0]).toBe("ethereum-staking");
    expect(slugs("sol").slice(0, 2)).toEqual(["sol-word", "solana-outage"]);
  });

  it("ignores case and diacritics", () => {
    expect(slugs("turkiye")).toEqual(["turkish-rules"]);
    expect(slugs("TÜRKIYE")).toEqual(["turkish-rules"]);
  });

  it("puts the story with all the words first", () => {
    expect(slugs("exchange ransomware gang")[0]).toBe("ransomware-freeze");
    expect(slugs("exchange ransomware gang")).toEqual(expect.arrayContaining(["exchange-only", "gang-only"]));
  });

  it("says when a query has only words too common to search for", () => {
    expect(search("the of and")).toMatchObject({ total: 0, onlyCommonWords: true });
    expect(search("qwertyuiop")).toMatchObject({ total: 0, onlyCommonWords: false });
    expect(search("🚀 !!")).toMatchObject({ total: 0, onlyCommonWords: false });
  });

  it("lets the newer story win a tie", () => {
    expect(slugs("mining difficulty")).toEqual(["newer-twin", "older-twin"]);
  });

  it("never finds a draft or a scheduled story", () => {
    expect(slugs("zebracorn")).toEqual([]);
    expect(slugs("unfinished")).toEqual([]);
    expect(slugs("quokkacoin")).toEqual([]);
  });

  it("finds a scheduled story in a build's index of everything only from its moment", () => {
    const at = (now: number) => createSearch(createLibrary(content, { now }), 10, index)("quokkacoin").hits.map((hit) => hit.post.slug);
    expect(at(Date.UTC(2030, 0, 1) - 1)).toEqual([]);
    expect(at(Date.UTC(2030, 0, 1))).toEqual(["future-story"]);
  });

  it("answers a query of many short words with the stories of its first words", () => {
    const letters = "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(7);
    expect(search(letters).query.length).toBeLessThanOrEqual(200);
    expect(slugs(`solana ${"x ".repeat(90)}`)).toContain("solana-outage");
  });

  it("highlights the matched words as separate runs, never as markup", () => {
    const [hit] = search("solana").hits;
    expect(hit?.title).toEqual([
      { text: "Solana", match: true },
      { text: " network halts for five hours", match: false },
    ]);
  });

  it("paginates and counts", () => {
    const small = createSearch(createLibrary(content), 1, index);
    const first = small("exchange");
    expect(first.total).toBeGreaterThan(1);
    expect(first.totalPages).toBe(first.total);
    expect(small("exchange", 2).hits[0]?.post.slug).not.toBe(first.hits[0]?.post.slug);
    expect(small("exchange", 999).page).toBe(first.totalPages);
  });

  it("pages through the same order it shows at once", () => {
    const onePerPage = createSearch(createLibrary(content), 1, index);
    const all = slugs("exchange ransomware gang");
    const paged = all.map((_, at) => onePerPage("exchange ransomware gang", at + 1).hits[0]?.post.slug);
    expect(paged).toEqual(all);
  });

  it.each([
    ['"solana'],
    ['"solana"'],
    ["solana*"],
    ["title:solana"],
    ["{title body}: solana"],
    ["- solana"],
    ["^solana"],
    ["NEAR(solana"],
    ["solana AND OR NOT"],
    ["solana)"],
  ])("reads FTS5 syntax as plain words: %s", (query) => {
    expect(slugs(query)[0]).toBe("solana-outage");
  });

  it.each([['"'], ["*"], ["NEAR("], ["AND OR NOT"], ["^"], [":"], ["()"], ['""*'], ["title:"], ["{title}:"]])(
    "finds nothing, without failing, for FTS5 syntax alone: %s",
    (query) => {
      expect(search(query).total).toBe(0);
    },
  );

  it.each([
    ["<script>alert(1)</script>"],
    ['"quotes" & \'apostrophes\''],
    ["(.*+?^$|[]{}\\"],
    ["x".repeat(10_000)],
    ["🚀🚀 moon"],
    ["\u0000\u0007\u202e"],
    ["title:solana OR NOT ^sol* NEAR(a b) AND"],
  ])("takes a hostile query without failing: %s", (query) => {
    const page = search(query);
    expect(page.query.length).toBeLessThanOrEqual(200);
    expect(page.query).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(Array.isArray(page.hits)).toBe(true);
  });
});

describe("cleanQuery", () => {
  it("strips control characters, folds spaces and caps the length", () => {
    expect(cleanQuery("  bitcoin\t\n etf\u0000 ")).toBe("bitcoin etf");
    expect(cleanQuery("a".repeat(500))).toHaveLength(200);
  });

  it("removes invisible format characters rather than splitting a word at them", () => {
    expect(cleanQuery("bit\u00ADcoin")).toBe("bitcoin");
    expect(cleanQuery("bit\u200Bcoin \u202Eetf")).toBe("bitcoin etf");
  });
});
