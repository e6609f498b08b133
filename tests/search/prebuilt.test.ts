import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { createLibrary } from "@/lib/content/queries";
import { createSearch } from "@/lib/search";
import { readPrebuiltIndex, writePrebuiltIndex } from "@/lib/search/prebuilt";

const library = createLibrary(loadContent("content").content);
const fewer = createLibrary({ ...loadContent("content").content, posts: library.posts.slice(1) });
const titles = (search: ReturnType<typeof createSearch>, query: string) => search(query).hits.map((hit) => hit.post.title);

describe("the build's search index", () => {
  const distDir = mkdtempSync(path.join(tmpdir(), "dist-"));
  writePrebuiltIndex(library.posts, distDir);

  it("answers as an index made in the server would", () => {
    const prebuilt = readPrebuiltIndex(library.posts, distDir);
    expect(prebuilt).toBeDefined();
    const fromBuild = createSearch(library, 10, prebuilt);
    const madeHere = createSearch(library, 10);
    for (const query of ["bitcoin", "etherum etf", "turkiye", "exchange ransomware gang"]) {
      expect(titles(fromBuild, query).length).toBeGreaterThan(0);
      expect(titles(fromBuild, query)).toEqual(titles(madeHere, query));
    }
  });

  it("is not used for other posts than its own, nor when it is missing or unreadable", () => {
    expect(readPrebuiltIndex(fewer.posts, distDir)).toBeUndefined();
    expect(readPrebuiltIndex(library.posts, path.join(distDir, "missing"))).toBeUndefined();
    const broken = mkdtempSync(path.join(tmpdir(), "dist-"));
    writeFileSync(path.join(broken, "search-index.json"), "{not json");
    expect(readPrebuiltIndex(library.posts, broken)).toBeUndefined();
  });
});
