import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { formatProblem } from "@/lib/content/problems";
import { makeContentDir, postFile } from "../support/content-dir";

const NOW = Date.UTC(2025, 0, 1);

/** Loads one post with these frontmatter fields and returns the problem lines. */
function problemsFor(fields: Record<string, string>, extraFiles: Record<string, string> = {}) {
  const dir = makeContentDir({ "posts/the-post.md": postFile(fields), ...extraFiles });
  return loadContent(dir, { now: NOW }).problems.map(formatProblem);
}

describe("loadContent: the fixture site", () => {
  const { content, problems } = loadContent("tests/fixtures/content/valid", { now: NOW });

  it("loads every valid file without problems, BOM and CRLF included", () => {
    expect(problems).toEqual([]);
    expect(content.posts.map((post) => post.slug).sort()).toEqual([
      "etf-flows",
      "future-story",
      "sec-ruling",
      "unfinished-story",
      "windows-post",
    ]);
    const windows = content.posts.find((post) => post.slug === "windows-post");
    expect(windows?.title).toBe("Windows-edited post");
    expect(content.markdownOf("windows-post")).toBe("A body written on Windows.\n");
  });

  it("sorts posts newest first and marks drafts and scheduled posts", () => {
    expect(content.posts[0]?.slug).toBe("future-story");
    const status = Object.fromEntries(content.posts.map((post) => [post.slug, post.status]));
    expect(status).toMatchObject({ "future-story": "scheduled", "unfinished-story": "draft", "etf-flows": "published" });
  });

  it("gives each post a word count and reading time", () => {
    const post = content.posts.find((p) => p.slug === "etf-flows");
    expect(post!.wordCount).toBeGreaterThan(5);
    expect(post!.readingMinutes).toBe(1);
  });

  it("slugs tags so that case and accents share one page", () => {
    const etf = content.posts.find((p) => p.slug === "etf-flows");
    const sec = content.posts.find((p) => p.slug === "sec-ruling");
    expect(etf?.tags).toContainEqual({ name: "Türkiye", slug: "turkiye" });
    expect(sec?.tags).toContainEqual({ name: "turkiye", slug: "turkiye" });
    expect(sec?.tags).toContainEqual({ name: "U.S. SEC", slug: "u-s-sec" });
  });

  it("reads authors with their bio rendered", () => {
    const alice = content.authors.find((author) => author.slug === "alice");
    expect(alice).toMatchObject({ name: "Alice Example", role: "Markets editor" });
    expect(alice?.bioHtml).toContain("<strong>markets</strong>");
  });
});

describe("loadContent: the broken fixture site reports every problem at once", () => {
  const lines = loadContent("tests/fixtures/content/invalid", { now: NOW }).problems.map(formatProblem);
  const dir = "tests/fixtures/content/invalid/posts";

  it.each([
    [`${dir}/typo-field.md: unknown field "titel" (did you mean "title"?)`],
    [`${dir}/typo-field.md: title is required`],
    [`${dir}/unknown-author.md: author "jdoe" is not defined; known authors: alice`],
    [`${dir}/impossible-date.md: date "2024-02-30" is not a real date`],
    [`${dir}/bad-yaml.md: the frontmatter is not valid YAML on line 4`],
    [`(a "[" or "{" is not closed: put a value that starts with one in quotes)`],
    [`${dir}/empty-file.md: the file is empty`],
    [`${dir}/no-frontmatter.md: has no frontmatter`],
    [`${dir}/Bad_Name.md: the file name "Bad_Name" is not a valid slug`],
    [`rename the file to "bad-name.md"`],
    [`${dir}/unknown-category.md: category "sport" is not defined; known categories: markets`],
    [`${dir}/unknown-category.md: related post "no-such-post" does not exist`],
    [`${dir}/image-without-alt.md: imageAlt is required when there is an image`],
    [`${dir}/image-without-alt.md: updated "2024-02-01" is before the post's date "2024-03-01"`],
    [`the slug "unknown-author" is already used by ${dir}/archive/unknown-author.md`],
  ])("%s", (expected) => {
    expect(lines.some((line) => line.includes(expected)), `no line contains:\n${expected}\nin:\n${lines.join("\n")}`).toBe(true);
  });

  it("names the file on every line", () => {
    for (const line of lines) expect(line).toMatch(/^tests\/fixtures\/content\/invalid\/\S+: /);
  });
});

describe("frontmatter rules", () => {
  it("accepts a complete, valid post", () => {
    expect(problemsFor({ tags: "[Bitcoin, 2024]", draft: "false", updated: "2024-03-02T08:00:00+01:00" })).toEqual([]);
    // Updated the same day, written as a date alone, on a post with a time.
    expect(problemsFor({ date: "2024-03-01T09:30:00Z", updated: "2024-03-01" })).toEqual([]);
  });

  it.each([
    [{ title: "<omit>" }, "title is required"],
    [{ title: '""' }, "title must not be empty"],
    [{ title: "x".repeat(161) }, "title is too long (at most 160 characters)"],
    [{ description: "<omit>" }, "description is required"],
    [{ date: "<omit>" }, "date is required"],
    [{ date: "2024-13-01" }, 'date "2024-13-01" is not a real date'],
    [{ date: "2023-02-29" }, 'date "2023-02-29" is not a real date'],
    [{ date: "1 March 2024" }, 'date "1 March 2024" is not a real date'],
    [{ updated: "2024-02-01" }, 'updated "2024-02-01" is before the post\'s date'],
    [{ author: "<omit>" }, "author is required"],
    [{ author: "Alice Example" }, '"Alice Example" is not a valid author slug'],
    [{ category: "sport" }, 'category "sport" is not defined; known categories: markets, defi'],
    [{ tags: "Bitcoin" }, "tags must be a list"],
    [{ tags: '[""]' }, "tags #1 must not be empty"],
    [{ tags: '["..."]' }, 'tag "..." has no letters, digits or symbols to make a web address from'],
    [{ image: "/images/a.jpg" }, "imageAlt is required when there is an image"],
    [{ image: "https://cdn.example.com/a.jpg", imageAlt: "x" }, "must be a path to an image in public/"],
    [{ image: "/images/none.jpg", imageAlt: "A chart" }, 'image "/images/none.jpg" was not found'],
    [{ draft: "yes" }, "draft must be true or false"],
    [{ related: "[no-such-post]" }, 'related post "no-such-post" does not exist'],
    [{ related: "[the-post]" }, 'related lists the post itself ("the-post")'],
    [{ categroy: "markets" }, 'unknown field "categroy" (did you mean "category"?)'],
  ])("%o → %s", (fields, expected) => {
    const lines = problemsFor(fields as Record<string, string>);
    expect(lines.some((line) => line.includes(`posts/the-post.md: `) && line.includes(expected)), lines.join("\n")).toBe(true);
  });

  it("accepts an ISO date-time with or without a zone", () => {
    expect(problemsFor({ date: "2024-03-01T09:30:00Z" })).toEqual([]);
    expect(problemsFor({ date: "2024-03-01T09:30:00+05:30" })).toEqual([]);
    expect(problemsFor({ date: "2024-02-29" })).toEqual([]);
  });

  it("accepts a related post that exists", () => {
    expect(problemsFor({ related: "[other-post]" }, { "posts/other-post.md": postFile({}) })).toEqual([]);
  });

  it("rejects duplicate keys instead of keeping the last one", () => {
    const dir = makeContentDir({ "posts/the-post.md": postFile({}).replace("title: A title", "title: A\ntitle: B") });
    expect(loadContent(dir).problems.map(formatProblem).join("\n")).toContain(
      'the-post.md: the frontmatter is not valid YAML on line 3: "title" is given twice; keep one',
    );
  });

  it("suggests a file name that is a valid slug, with a lowercase extension", () => {
    const lines = (files: Record<string, string>) => loadContent(makeContentDir(files)).problems.map(formatProblem).join("\n");
    expect(lines({ "posts/P-Q.MD": postFile({}) })).toContain('rename the file to "p-q.md"');
    expect(lines({ "posts/日本.md": postFile({}) })).toContain("name it in Latin letters, e.g. eth-etf-flows.md");
  });

  it("tells an editor who left out the closing --- to add it", () => {
    const dir = makeContentDir({ "posts/the-post.md": postFile({}).replace("\n---\n", "\n\n") });
    expect(loadContent(dir).problems.map(formatProblem).join("\n")).toContain(
      'the-post.md: the frontmatter has no closing "---" line: end the fields with a line of three dashes',
    );
  });

  it("never runs a post's frontmatter as code: only YAML is read", () => {
    const marker = path.join(os.tmpdir(), `frontmatter-ran-${process.pid}`);
    const code = `{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "ran"), "Hi") }`;
    for (const fence of ["---js", "---javascript", "--- js", "---json"]) {
      const dir = makeContentDir({ "posts/the-post.md": `${fence}\n${code}\n---\nBody\n` });
      expect(loadContent(dir).problems.map(formatProblem).join("\n")).toContain(
        `the opening "---" line must have nothing after it (found "---${fence.slice(3).trim()}"): frontmatter is YAML`,
      );
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("reports the rules across fields even when another field is missing", () => {
    const lines = problemsFor({ title: "<omit>", updated: "2024-02-01", image: "/images/x.jpg" }).join("\n");
    expect(lines).toContain("title is required");
    expect(lines).toContain("imageAlt is required when there is an image");
    expect(lines).toContain('updated "2024-02-01" is before the post\'s date "2024-03-01"');
  });

  it("reports a file's unknown field and its unknown author together", () => {
    const lines = problemsFor({ titel: "A typo", author: "jdoe", related: "[no-such-post]" }).join("\n");
    expect(lines).toContain('"titel"');
    expect(lines).toContain('author "jdoe" is not defined; known authors: alice');
    expect(lines).toContain('related post "no-such-post" does not exist');
  });

  it("refuses two authors with one slug, and lets an author file carry more than a name", () => {
    const dir = makeContentDir({
      "authors/alice.md": "---\nname: Alice\ntwitter: \"@alice\"\n---\nBio.\n",
      "authors/more/alice.md": "---\nname: Another Alice\n---\n",
      "posts/the-post.md": postFile({}),
    });
    const lines = loadContent(dir, { now: NOW }).problems.map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/authors\/more\/alice\.md: the slug "alice" is already used by .*authors\/alice\.md; rename one of them$/)]);
  });

  it("explains bad YAML in categories.yml in the same words as in a post", () => {
    const dir = makeContentDir({
      "categories.yml": "- slug: markets\n  name: Markets\n  name: Market news\n",
      "posts/the-post.md": postFile({}),
    });
    expect(loadContent(dir).problems.map(formatProblem).join("\n")).toContain(
      'categories.yml: is not valid YAML on line 3: "name" is given twice; keep one',
    );
  });

  it("reports a missing categories file and an author without a name", () => {
    const dir = makeContentDir({
      "categories.yml": "[]\n",
      "authors/carol.md": "---\nrole: Editor\n---\n",
      "posts/the-post.md": postFile({}),
    });
    const lines = loadContent(dir).problems.map(formatProblem).join("\n");
    expect(lines).toContain("categories.yml: lists no categories");
    expect(lines).toContain("authors/carol.md: name is required");
  });

  it("marks a post dated after now as scheduled and one dated before as published", () => {
    const dir = makeContentDir({
      "posts/later.md": postFile({ date: "2025-01-01T00:00:01Z" }),
      "posts/earlier.md": postFile({ date: "2024-12-31T23:59:59Z" }),
    });
    const status = Object.fromEntries(loadContent(dir, { now: NOW }).content.posts.map((p) => [p.slug, p.status]));
    expect(status).toEqual({ later: "scheduled", earlier: "published" });
  });
});
