import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { formatProblem } from "@/lib/content/problems";
import { createLibrary } from "@/lib/content/queries";
import type { Post, PostBody } from "@/lib/content/types";
import { makeContentDir, postFile } from "../support/content-dir";

const NOW = Date.UTC(2025, 0, 1);

function load(files: Record<string, string>, options: Parameters<typeof loadContent>[1] = {}) {
  return loadContent(makeContentDir(files), { now: NOW, ...options });
}

const problemsFor = (fields: Record<string, string>) => load({ "posts/the-post.md": postFile(fields) }).problems.map(formatProblem);

/** The coins of one post with these frontmatter fields and body. */
function coinsOf(fields: Record<string, string>, body?: string) {
  const { content, problems } = load({ "posts/the-post.md": postFile(fields, body) });
  expect(problems.map(formatProblem)).toEqual([]);
  return content.posts[0]!.coins;
}

describe("frontmatter coins", () => {
  it("is optional", () => {
    expect(coinsOf({})).toEqual([]);
  });

  it("accepts known CoinGecko ids, each once", () => {
    expect(coinsOf({ coins: "[ethereum, bitcoin, ethereum]" })).toEqual(["ethereum", "bitcoin"]);
  });

  it.each([
    [{ coins: "[bitcoinn]" }, 'coins #1 "bitcoinn" is not a coin the site knows; did you mean "bitcoin"? Use a CoinGecko id from lib/market/known-coins.json'],
    [{ coins: "[bitcoin, etherium]" }, 'coins #2 "etherium" is not a coin the site knows; did you mean "ethereum"?'],
    [{ coins: "[BTC]" }, 'coins #1 "BTC" is not a coin the site knows; did you mean "bitcoin"?'],
    [{ coins: "[Avalanche]" }, 'coins #1 "Avalanche" is not a coin the site knows; did you mean "avalanche-2"?'],
    [{ coins: "[zebracorn]" }, 'coins #1 "zebracorn" is not a coin the site knows; use a CoinGecko id from lib/market/known-coins.json'],
    [{ coins: "bitcoin" }, "coins must be a list"],
    [{ coins: "[1]" }, "coins #1 must be text, not 1"],
    [{ coins: "[bitcoin]", coinz: "[x]" }, 'unknown field "coinz" (did you mean "coins"?)'],
  ])("%o → %s", (fields, expected) => {
    const lines = problemsFor(fields);
    expect(lines.some((line) => line.includes("posts/the-post.md: ") && line.includes(expected)), lines.join("\n")).toBe(true);
  });

  it("is reported with the post's other problems at once", () => {
    const lines = problemsFor({ coins: "[bitcoinn]", author: "jdoe", title: "<omit>" }).join("\n");
    expect(lines).toContain('"bitcoinn" is not a coin the site knows');
    expect(lines).toContain('author "jdoe" is not defined');
    expect(lines).toContain("title is required");
  });
});

describe("the coins a post names", () => {
  it("counts tags that are a coin's name, id or symbol, in any case", () => {
    expect(coinsOf({ tags: "[Bitcoin, ETF, ethereum, sol, XRP, Mining]" })).toEqual(["bitcoin", "ethereum", "solana", "ripple"]);
    expect(coinsOf({ tags: "[Avalanche, avalanche-2, BNB]" })).toEqual(["avalanche-2", "binancecoin"]);
  });

  it("counts the body's cashtags, not those in code", () => {
    expect(coinsOf({}, "$SOL leads and $ETH follows; `$BTC` is code; $5 is money.\n\n```\n$ADA\n```")).toEqual(["solana", "ethereum"]);
  });

  it("lists frontmatter first, then tags, then cashtags, each once", () => {
    expect(coinsOf({ coins: "[solana]", tags: "[Bitcoin, ETH]" }, "$XRP, $BTC and $SOL.")).toEqual(["solana", "bitcoin", "ethereum", "ripple"]);
  });

  it("is found while the body is in hand, when the loader streams bodies away", () => {
    const bodies: string[] = [];
    const onBody = (_post: Post, body: PostBody) => bodies.push(body.markdown);
    const { content } = load({ "posts/the-post.md": postFile({}, "About $ETH.") }, { onBody });
    expect(content.markdownOf("the-post")).toBeUndefined();
    expect(bodies).toEqual(["About $ETH.\n"]);
    expect(content.posts[0]!.coins).toEqual(["ethereum"]);
  });
});

describe("postsNamingCoin", () => {
  const { content, problems } = load({
    "posts/old.md": postFile({ date: "2024-01-01", coins: "[bitcoin]" }),
    "posts/tagged.md": postFile({ date: "2024-06-01", tags: "[Bitcoin]" }),
    "posts/cashtag.md": postFile({ date: "2024-03-01" }, "Where next for $BTC?"),
    "posts/ether.md": postFile({ date: "2024-05-01", coins: "[ethereum]" }),
    "posts/draft.md": postFile({ date: "2024-07-01", coins: "[bitcoin]", draft: "true" }),
    "posts/scheduled.md": postFile({ date: "2999-01-01", coins: "[bitcoin]" }),
  });

  it("lists published posts naming the coin, newest first", () => {
    expect(problems).toEqual([]);
    const site = createLibrary(content);
    expect(site.postsNamingCoin("bitcoin").map((post) => post.slug)).toEqual(["tagged", "cashtag", "old"]);
    expect(site.postsNamingCoin("ethereum").map((post) => post.slug)).toEqual(["ether"]);
    expect(site.postsNamingCoin("solana")).toEqual([]);
    expect(site.postsNamingCoin("no-such-coin")).toEqual([]);
  });

  it("follows the same rules as other lists: drafts only in the preview, a scheduled post at its moment", () => {
    const preview = createLibrary(content, { includeUnpublished: true });
    expect(preview.postsNamingCoin("bitcoin").map((post) => post.slug)).toEqual(["scheduled", "draft", "tagged", "cashtag", "old"]);
    const later = createLibrary(content, { now: Date.UTC(2999, 0, 1) });
    expect(later.postsNamingCoin("bitcoin").map((post) => post.slug)).toEqual(["scheduled", "tagged", "cashtag", "old"]);
  });
});
