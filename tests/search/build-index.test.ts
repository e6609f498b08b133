import MiniSearch, { type AsPlainObject } from "minisearch";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { INDEX_OPTIONS, searchDocument } from "@/lib/search";
import { buildIndex } from "@/lib/search/build-index";

// The site's own sample content and index options, and a document with empty fields.
const documents = [
  ...loadContent("content").content.posts.map(searchDocument),
  { id: "bare", title: "Türkiye's exchanges", tags: "", description: "", body: "" },
];
const { fields, terms, searchOptions } = INDEX_OPTIONS;

function addedOneByOne() {
  const index = new MiniSearch({ fields, tokenize: terms, processTerm: (term) => term, searchOptions });
  index.addAll(documents);
  return index;
}

/** An index's serialised form, with its terms in one order (a radix tree's order depends on insertion). */
function serialised(index: MiniSearch) {
  const { index: terms, averageFieldLength, ...rest } = JSON.parse(JSON.stringify(index)) as AsPlainObject;
  return { rest, terms: terms.sort(([a], [b]) => (a < b ? -1 : 1)), averageFieldLength };
}

describe("buildIndex", () => {
  const built = serialised(buildIndex(documents, INDEX_OPTIONS));
  const reference = serialised(addedOneByOne());

  it("indexes the sample content", () => {
    expect(documents.length).toBeGreaterThanOrEqual(12);
    expect(built.terms.length).toBeGreaterThan(500);
  });

  it("builds the same index as MiniSearch's own addAll", () => {
    expect(built.rest).toEqual(reference.rest);
    expect(built.terms).toEqual(reference.terms);
    // MiniSearch keeps a running mean; the sum divided once differs only in the last bits.
    built.averageFieldLength.forEach((length, field) => expect(length).toBeCloseTo(reference.averageFieldLength[field]!, 9));
  });

  it("answers queries with the same results and scores", () => {
    const ours = buildIndex(documents, INDEX_OPTIONS);
    const theirs = addedOneByOne();
    for (const query of ["bitcoin", "etherum etf", "turkiye", "exchange ransomware gang", "stablecoin"]) {
      const results = ours.search(query).map(({ id, score }) => [id, score]);
      expect(results.length).toBeGreaterThan(0);
      expect(results).toEqual(theirs.search(query).map(({ id, score }) => [id, expect.closeTo(score, 9)]));
    }
  });
});
