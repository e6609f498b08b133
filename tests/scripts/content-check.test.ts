import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: "utf8", timeout: 180_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const checkContent = (dir: string) => run("npm", ["run", "--silent", "content:check"], { CONTENT_DIR: dir });

describe("npm run content:check", () => {
  it("exits 1 and prints every problem, each naming its file", () => {
    const { status, output } = checkContent("tests/fixtures/content/invalid");
    expect(status).toBe(1);
    expect(output).toContain("problems in tests/fixtures/content/invalid/");
    expect(output).toContain('tests/fixtures/content/invalid/posts/unknown-author.md: author "jdoe" is not defined; known authors: alice');
    expect(output).toContain('tests/fixtures/content/invalid/posts/typo-field.md: unknown field "titel" (did you mean "title"?)');
    expect(output).toContain("tests/fixtures/content/invalid/posts/empty-file.md: the file is empty");
  });

  it("exits 0 on good content and lists the scheduled posts and drafts", () => {
    const { status, output } = checkContent("tests/fixtures/content/valid");
    expect(status).toBe(0);
    expect(output).toMatch(/Scheduled[^\n]*\n\s+tests\/fixtures\/content\/valid\/posts\/future-story\.md: 1 January 2999, 2999-01-01 00:00 UTC/);
    expect(output).toMatch(/Drafts[^\n]*\n\s+tests\/fixtures\/content\/valid\/posts\/unfinished-story\.md/);
    expect(output).toContain("Content OK: 3 published, 1 scheduled, 1 draft(s).");
  });
});

describe("next build", () => {
  it("fails with the same messages when the content is bad, publishing nothing", () => {
    const distDir = ".next-test-bad-content";
    try {
      const { status, output } = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
        CONTENT_DIR: "tests/fixtures/content/invalid",
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
      });
      expect(status).not.toBe(0);
      expect(output).toContain("nothing was published");
      expect(output).toContain('tests/fixtures/content/invalid/posts/unknown-author.md: author "jdoe" is not defined');
      expect(output).toContain('tests/fixtures/content/invalid/posts/impossible-date.md: date "2024-02-30" is not a real date');
    } finally {
      rmSync(distDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("npm run build's steps (scripts/build.sh)", () => {
  it("fail when a step does, and leave no build that `npm start` would serve", () => {
    const distDir = ".next-test-bad-content";
    try {
      // The content step fails here, after the compile step has written a BUILD_ID.
      const { status, output } = run("sh", ["scripts/build.sh"], {
        CONTENT_DIR: "tests/fixtures/content/invalid",
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        PATH: `${path.resolve("node_modules/.bin")}${path.delimiter}${process.env.PATH}`,
      });
      expect(status, output).not.toBe(0);
      expect(output).toContain('tests/fixtures/content/invalid/posts/unknown-author.md: author "jdoe" is not defined');
      expect(existsSync(path.join(distDir, "BUILD_ID"))).toBe(false);
      expect(existsSync(`${distDir}.content`)).toBe(false);
    } finally {
      rmSync(distDir, { recursive: true, force: true });
    }
  }, 180_000);
});
