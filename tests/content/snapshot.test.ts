import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { SNAPSHOT_FILE, createSnapshotWriter, readContentSnapshot } from "@/lib/content/snapshot";

const { content } = loadContent("tests/fixtures/content/valid");

function writeSnapshot(distDir: string) {
  const writer = createSnapshotWriter(distDir);
  for (const post of content.posts) writer.addBody(post.slug, content.markdownOf(post.slug)!);
  return writer;
}

describe("the build's content snapshot", () => {
  it("gives back the posts in order, the authors, the categories and each body", () => {
    const distDir = mkdtempSync(path.join(tmpdir(), "dist-"));
    writeSnapshot(distDir).finish(content);
    const snapshot = readContentSnapshot(distDir)!;
    expect(snapshot.posts).toEqual(content.posts);
    expect(snapshot.posts.find((post) => post.slug === "etf-flows")?.coins).toEqual(["bitcoin"]);
    expect(snapshot.authors).toEqual(content.authors);
    expect(snapshot.categories).toEqual(content.categories);
    for (const post of content.posts) expect(snapshot.markdownOf(post.slug)).toBe(content.markdownOf(post.slug));
    expect(snapshot.markdownOf("no-such-post")).toBeUndefined();
  });

  it("appears under its name only when finished", () => {
    const distDir = mkdtempSync(path.join(tmpdir(), "dist-"));
    const writer = writeSnapshot(distDir);
    expect(existsSync(path.join(distDir, SNAPSHOT_FILE))).toBe(false);
    expect(readContentSnapshot(distDir)).toBeUndefined();
    writer.finish(content);
    expect(readContentSnapshot(distDir)).toBeDefined();
  });

  it("is refused when another version of the site wrote it", () => {
    const distDir = mkdtempSync(path.join(tmpdir(), "dist-"));
    const db = new Database(path.join(distDir, SNAPSHOT_FILE));
    db.pragma("user_version = 999");
    db.close();
    expect(() => readContentSnapshot(distDir)).toThrow(/another version of the site: build again/);
    writeFileSync(path.join(distDir, SNAPSHOT_FILE), "not a database");
    expect(() => readContentSnapshot(distDir)).toThrow();
  });
});
