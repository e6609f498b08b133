import { describe, expect, it } from "vitest";
import { markdownText, textStatistics } from "@/lib/content/text";

const words = (markdown: string) => markdownText(markdown).match(/[\p{L}\p{N}]+/gu) ?? [];

describe("markdownText: what a reader reads of a body", () => {
  it("keeps prose, headings, list items and table cells", () => {
    expect(words("## Market wrap\n\nPrices **rose**.\n\n- first point\n\n| Fund | Flow |\n|---|---|\n| Alpha | 120 |")).toEqual(
      ["Market", "wrap", "Prices", "rose", "first", "point", "Fund", "Flow", "Alpha", "120"],
    );
  });

  it("keeps a link's text and an image's alt text, not their addresses or titles", () => {
    expect(words('See [the filing](https://example.com/filings/1 "SEC filing") and ![A chart](/images/c.png).')).toEqual(
      ["See", "the", "filing", "and", "A", "chart"],
    );
    expect(words("A [link](<https://example.com/a b>) and [nested](https://example.com/(x)) ok")).toEqual(
      ["A", "link", "and", "nested", "ok"],
    );
  });

  it("leaves out code blocks, reference definitions, comments and HTML tags, keeping the text inside tags", () => {
    const body = [
      "Before.",
      "```js\nconst secret = 1;\n```",
      "~~~\nmore code\n~~~",
      "[ref]: https://example.com/ref",
      "<!-- an editor's note -->",
      'The <abbr title="Markets in Crypto-Assets">MiCA</abbr> rules.',
    ].join("\n\n");
    expect(words(body)).toEqual(["Before", "The", "MiCA", "rules"]);
  });

  it("drops an unclosed code fence to the end of the body, as Markdown does", () => {
    expect(words("Text.\n\n```\ncode to the end")).toEqual(["Text"]);
  });
});

describe("textStatistics", () => {
  it("counts words and reading time, at least a minute", () => {
    const text = markdownText(`${"word ".repeat(450)}\n\n| a | b |\n|---|---|\n| 1 | 2 |`);
    expect(textStatistics(text)).toEqual({ wordCount: 454, readingMinutes: 2 });
    expect(textStatistics("Don't sell layer-2 tokens worth $1.2bn.")).toEqual({ wordCount: 6, readingMinutes: 1 });
    expect(textStatistics("")).toEqual({ wordCount: 0, readingMinutes: 1 });
  });
});

describe("markdownText on hostile bodies", () => {
  it("keeps footnotes and drops scripts, styles and character references", () => {
    expect(words("Claim.[^1]\n\n[^1]: Source: the filing.")).toEqual(["Claim", "1", "1", "Source", "the", "filing"]);
    expect(words("<style>.x{color:red}</style>A <script>alert(1)</script>B &amp; C&#8217;s")).toEqual(["A", "B", "C", "s"]);
  });

  it("takes time in proportion to the body, whatever it leaves open", () => {
    for (const unit of ["<!--", "<!-- x ", "```\n", "<script>", "[a](", "<a ", "&amp"]) {
      const started = performance.now();
      markdownText(unit.repeat(200_000 / unit.length));
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
