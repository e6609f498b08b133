import { describe, expect, it } from "vitest";
import { cashtagCoins } from "@/lib/content/cashtags";
import { markdownText } from "@/lib/content/text";
import { renderMarkdown } from "@/lib/content/render";

const link = (symbol: string, id: string) => `<a href="/coins/${id}" class="cashtag">$${symbol}</a>`;
/** The cashtag links in a render, as "SYMBOL→/coins/id". */
const links = (markdown: string) =>
  [...renderMarkdown(markdown).matchAll(/<a href="([^"]+)" class="cashtag">\$([A-Z0-9]+)<\/a>/g)].map(([, href, symbol]) => `${symbol}→${href}`);

describe("renderMarkdown: cashtags", () => {
  it("links a known coin's symbol to the coin's page", () => {
    expect(renderMarkdown("Buy $BTC and $ETH now")).toBe(`<p>Buy ${link("BTC", "bitcoin")} and ${link("ETH", "ethereum")} now</p>`);
  });

  it.each([
    ["$BTC.", `<p>${link("BTC", "bitcoin")}.</p>`],
    ["$BTC, then", `<p>${link("BTC", "bitcoin")}, then</p>`],
    ["($ETH)", `<p>(${link("ETH", "ethereum")})</p>`],
    ["$BTC's rally", `<p>${link("BTC", "bitcoin")}'s rally</p>`],
    ["$BTC’s rally", `<p>${link("BTC", "bitcoin")}’s rally</p>`],
  ])("links at punctuation: %s", (markdown, expected) => {
    expect(renderMarkdown(markdown)).toBe(expected);
  });

  it.each([
    ["an unknown symbol", "$XYZ rose"],
    ["a dollar amount", "$5 each"],
    ["an amount with a unit", "inflows of $1.2bn"],
    ["an amount with thousands", "closed at $63,988"],
    ["lowercase", "$btc and $Btc"],
    ["a longer symbol", "$BTCX and $BTCs"],
    ["a letter before", "A$BTC"],
    ["a second dollar", "$$BTC"],
    ["a digit before", "1$BTC"],
    ["an inline code span", "Type `$BTC` or ``$ETH``"],
    ["a fenced code block", "```\n$BTC\n```"],
    ["an indented code block", "    $BTC"],
    ["a link's text", "[$BTC price](https://example.com)"],
    ["a reference link's text", "[see $ETH][r]\n\n[r]: https://example.com"],
    ["a raw link's text", '<a href="https://example.com">$BTC</a>'],
    ["a raw link's nested text", '<a href="https://example.com">**$BTC**</a>'],
    ["raw HTML's attribute", '<abbr title="$BTC">B</abbr>'],
    ["an HTML block", "<div>\n$BTC\n</div>"],
    ["a bare address", "https://example.com/?q=$BTC and www.example.org/$ETH"],
  ])("leaves %s as written", (_case, markdown) => {
    expect(links(markdown)).toEqual([]);
    expect(renderMarkdown(markdown)).not.toContain("/coins/");
  });

  it("links around what it leaves alone", () => {
    expect(links("`$BTC` and $ETH, [$SOL](https://x.example) and $SOL")).toEqual(["ETH→/coins/ethereum", "SOL→/coins/solana"]);
    expect(links('<a href="https://x.example">$BTC</a> then $ETH')).toEqual(["ETH→/coins/ethereum"]);
    expect(links("<br> $BTC")).toEqual(["BTC→/coins/bitcoin"]);
    expect(links("$BTC costs $63,988, $XYZ nothing.")).toEqual(["BTC→/coins/bitcoin"]);
  });

  it("links in emphasis, lists, tables and headings, keeping the heading's id", () => {
    expect(links("**$BTC** and _$ETH_\n\n- $SOL\n\n| a |\n|---|\n| $XRP |")).toEqual([
      "BTC→/coins/bitcoin",
      "ETH→/coins/ethereum",
      "SOL→/coins/solana",
      "XRP→/coins/ripple",
    ]);
    expect(renderMarkdown("## $BTC rallies")).toBe(`<h2 id="btc-rallies">${link("BTC", "bitcoin")} rallies</h2>`);
  });

  it("keeps the cashtag class only: an editor's own classes on a link are still removed", () => {
    expect(renderMarkdown('<a class="evil cashtag" href="/x">x</a>')).toBe('<p><a class="cashtag" href="/x">x</a></p>');
    expect(renderMarkdown('<span class="cashtag">x</span>')).toBe("<p><span>x</span></p>");
  });

  it("renders posts without cashtags as before", () => {
    expect(renderMarkdown("Costs $5 or US$5.")).toBe("<p>Costs $5 or US$5.</p>");
  });
});

describe("cashtagCoins: the coins a body's text names", () => {
  const coins = (markdown: string) => cashtagCoins(markdownText(markdown));

  it("lists known coins once, in order, as ids", () => {
    expect(coins("$ETH leads; $BTC follows; $ETH again, $XYZ never")).toEqual(["ethereum", "bitcoin"]);
  });

  it("leaves out code, dollar amounts and what is not a cashtag", () => {
    expect(coins("`$BTC` ``$ETH``\n\n```\n$SOL\n```\n\n$5, $1.2bn, $btc, A$XRP, $$ADA, $BTCX")).toEqual([]);
    expect(coins('<span title="$BTC">x</span>')).toEqual([]);
  });

  it("counts a cashtag in link text: the story names the coin", () => {
    expect(coins("[$BTC](https://example.com)")).toEqual(["bitcoin"]);
  });
});
