import { type DefaultTreeAdapterTypes, parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/content/render";

const html = renderMarkdown;

describe("renderMarkdown: GitHub-flavoured Markdown", () => {
  it("renders tables, strikethrough, task lists and autolinks", () => {
    const out = html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n\n- [x] done\n- [ ] todo\n\nSee https://example.com/x and www.example.org.");
    expect(out).toContain("<table>");
    expect(out).toContain("<td>1</td>");
    expect(out).toContain("<del>gone</del>");
    expect(out).toMatch(/<input[^>]*type="checkbox"[^>]*checked[^>]*disabled|<input[^>]*checked[^>]*disabled/);
    expect(out).toContain('href="https://example.com/x"');
    expect(out).toContain('href="http://www.example.org"');
  });

  it("gives headings stable ids", () => {
    const out = html("## Market wrap\n\n## Market wrap\n\n### What’s next?");
    expect(out).toContain('<h2 id="market-wrap">');
    expect(out).toContain('<h2 id="market-wrap-1">');
    expect(out).toContain('<h3 id="whats-next">');
    expect(html("## Market wrap")).toContain('id="market-wrap"');
  });

  it("marks external links noopener noreferrer and leaves site links alone", () => {
    const out = html("[out](https://example.com) and [in](/news/other)");
    expect(out).toContain('<a href="https://example.com" rel="noopener noreferrer">out</a>');
    expect(out).toContain('<a href="/news/other">in</a>');
  });

  it("lazy-loads body images and keeps their alt text", () => {
    expect(html("![A price chart](/images/chart.png)")).toContain(
      '<img src="/images/chart.png" alt="A price chart" loading="lazy">',
    );
  });

  it("keeps harmless inline HTML", () => {
    expect(html('The <abbr title="Markets in Crypto-Assets">MiCA</abbr> rules.')).toContain(
      '<abbr title="Markets in Crypto-Assets">MiCA</abbr>',
    );
  });
});

// Each hostile input must come out inert: no element, attribute or URL that can run code or restyle the page.
const hostile: [string, string][] = [
  ["script element", "<script>alert(1)</script>"],
  ["script in a paragraph", "Hello <script src=https://evil.example/x.js></script> world"],
  ["event handler on an image", '<img src="x" onerror="alert(1)">'],
  ["event handler on an svg", '<svg onload="alert(1)"><circle r="1"/></svg>'],
  ["javascript: link in HTML", '<a href="javascript:alert(1)">click</a>'],
  ["javascript: link in Markdown", "[click](javascript:alert(1))"],
  ["javascript: with entities", '<a href="jav&#x61;script:alert(1)">x</a>'],
  ["data: URL link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ["vbscript link", '<a href="vbscript:msgbox(1)">x</a>'],
  ["iframe", '<iframe src="https://evil.example"></iframe>'],
  ["object and embed", '<object data="x.swf"></object><embed src="x.swf">'],
  ["style element", "<style>body { display: none }</style>"],
  ["style attribute", '<p style="position:fixed;inset:0;background:red">covered</p>'],
  ["form and input", '<form action="https://evil.example"><input name="password"><button>Go</button></form>'],
  ["meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ["base element", '<base href="https://evil.example/">'],
  ["link stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ["mutation XSS via noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ["svg with script", "<svg><script>alert(1)</script></svg>"],
  ["math with href", '<math><a xlink:href="javascript:alert(1)">x</a></math>'],
  ["formaction", '<button formaction="javascript:alert(1)">x</button>'],
  ["id clobbering", '<img name="getElementById" id="__next">'],
  ["unclosed tag", '<div onclick="alert(1)"'],
  ["autolink with javascript", "<javascript:alert(1)>"],
  ["srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
];

type Element = DefaultTreeAdapterTypes.Element;

/** Every element of the output as a browser parses it. */
function elements(markup: string): Element[] {
  const found: Element[] = [];
  const walk = (node: DefaultTreeAdapterTypes.ParentNode) => {
    for (const child of node.childNodes) {
      if ("tagName" in child) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(parseFragment(markup));
  return found;
}

const forbiddenTags = /^(script|iframe|frame|object|embed|style|form|button|select|textarea|meta|base|link|svg|math|noscript|template)$/;
const urlAttributes = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "srcset", "poster"]);

describe("renderMarkdown: sanitising hostile HTML", () => {
  it.each(hostile)("%s is inert", (_name, input) => {
    const out = html(`Before\n\n${input}\n\nAfter`);
    for (const element of elements(out)) {
      expect(element.tagName).not.toMatch(forbiddenTags);
      if (element.tagName === "input") {
        // The only input allowed: a task list's disabled checkbox.
        expect(element.attrs).toContainEqual({ name: "type", value: "checkbox" });
        expect(element.attrs.map((attr) => attr.name)).toContain("disabled");
      }
      for (const attr of element.attrs) {
        expect(attr.name).not.toMatch(/^on|^style$|^srcdoc$/);
        if (urlAttributes.has(attr.name)) expect(attr.value.trim()).not.toMatch(/^(javascript|vbscript|data):/i);
        if (attr.name === "id" || attr.name === "name") expect(attr.value).toMatch(/^user-content-|^[a-z0-9-]+$/);
      }
    }
    expect(out).not.toContain('id="__next"');
    expect(out).toContain("After");
  });

  it("keeps the text of a removed script, style or template out of the page", () => {
    expect(html("<script>alert(1)</script>")).not.toContain("alert(1)");
    expect(html("<style>body{display:none}</style>\n\nText")).not.toContain("display:none");
    expect(html("<template><p>hidden</p></template>\n\nText")).not.toContain("hidden");
  });
});

describe("renderMarkdown: links within a post", () => {
  it("links each footnote to its note and back, with the sanitiser's prefix on both ends", () => {
    const out = html("A claim.[^1]\n\n[^1]: The source.\n");
    const ids = new Set(elements(out).flatMap((element) => element.attrs.filter((attr) => attr.name === "id").map((attr) => attr.value)));
    const targets = elements(out).flatMap((element) => element.attrs.filter((attr) => attr.name === "href").map((attr) => attr.value.slice(1)));
    expect(targets).toEqual(["user-content-fn-1", "user-content-fnref-1"]);
    for (const target of targets) expect(ids).toContain(target);
  });

  it("keeps the page's own ids for the page: a heading titled Comments or Main gets the prefix, and links follow", () => {
    const out = html("See [the comments](#comments).\n\n## Comments\n\n## Main\n\n## Main points\n");
    expect(out).toContain('href="#user-content-comments"');
    expect(out).toContain('<h2 id="user-content-comments">Comments</h2>');
    expect(out).toContain('<h2 id="user-content-main">Main</h2>');
    expect(out).toContain('<h2 id="main-points">Main points</h2>');
  });

  it("keeps a link to a heading of the post working", () => {
    expect(html("See [why](#why-it-matters).\n\n## Why it matters\n")).toMatch(/href="#why-it-matters"[\s\S]*id="why-it-matters"/);
  });
});

describe("renderMarkdown: the page's outline", () => {
  it("turns a body h1 into an h2, since the headline is the page's only h1", () => {
    expect(html("# Big heading\n\ntext")).toContain('<h2 id="big-heading">Big heading</h2>');
    expect(html("<h1>raw</h1>")).not.toContain("<h1");
  });
});
