import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { createLibrary } from "@/lib/content/queries";
import { SEARCH_INDEX_FILE, createSearch, createSearchIndexWriter, memorySearchIndex, openSearchIndex, searchDocuments } from "@/lib/search";

const { content } = loadContent("content");
const library = createLibrary(content);
const titles = (search: ReturnType<typeof createSearch>, query: string) => search(query).hits.map((hit) => hit.post.title);
const folder = () => mkdtempSync(path.join(tmpdir(), "dist-"));

describe("the build's search index file", () => {
  const file = path.join(folder(), SEARCH_INDEX_FILE);
  const writer = createSearchIndexWriter(file);
  for (const document of searchDocuments(content)) writer.add(document);
  writer.finish();

  it("answers as an index made in memory does", () => {
    const fromFile = createSearch(library, 10, openSearchIndex(file)!);
    const inMemory = createSearch(library, 10, memorySearchIndex(searchDocuments(content)));
    for (const query of ["bitcoin", "etherum etf", "turkiye", "exchange ransomware gang", "sta"]) {
      expect(titles(fromFile, query).length).toBeGreaterThan(0);
      expect(titles(fromFile, query)).toEqual(titles(inMemory, query));
    }
  });

  it("finds a scheduled post it holds only from its moment, when the library has it", () => {
    const newest = library.posts[0]!;
    const at = (now: number) => titles(createSearch(createLibrary(content, { now }), 10, openSearchIndex(file)!), newest.title);
    expect(at(newest.publishedAt - 1)).not.toContain(newest.title);
    expect(at(newest.publishedAt)).toContain(newest.title);
  });

  it("appears only when finished; is missing from a build without one; is refused from another version", () => {
    const partial = path.join(folder(), SEARCH_INDEX_FILE);
    const unfinished = createSearchIndexWriter(partial);
    expect(openSearchIndex(partial)).toBeUndefined();
    unfinished.finish();
    expect(openSearchIndex(partial)).toBeDefined();

    const other = path.join(folder(), SEARCH_INDEX_FILE);
    const db = new Database(other);
    db.pragma("user_version = 999");
    db.close();
    expect(() => openSearchIndex(other)).toThrow(/another version of the site: build again/);
    const garbage = path.join(folder(), SEARCH_INDEX_FILE);
    writeFileSync(garbage, "not a database");
    expect(() => openSearchIndex(garbage)).toThrow();
  });
});
