import { describe, expect, it } from "vitest";
import { tagSlug } from "@/lib/content/tags";

describe("tagSlug", () => {
  it.each([
    ["Bitcoin", "bitcoin"],
    ["ETF", "etf"],
    ["Türkiye", "turkiye"],
    ["turkiye", "turkiye"],
    ["TÜRKİYE", "turkiye"],
    ["Layer 2 / Rollups", "layer-2-rollups"],
    ["U.S. SEC", "u-s-sec"],
    ["web3.js", "web3-js"],
    ["  Fear & Greed  ", "fear-and-greed"],
    ["Ethereum—Staking", "ethereum-staking"],
    ["Биткоин", "bitkoin"],
    ["比特币", "xn--6stq12a27e"],
    ["比特币 ETF", "xn--6stq12a27e-etf"],
    ["日本", "xn--wgv71a"],
    ["🚀", "xn--158h"],
    ["$BTC", "dollar-btc"],
    ["C++", "c-plus-plus"],
    ["C", "c"],
  ])("%s → %s", (name, slug) => {
    expect(tagSlug(name)).toBe(slug);
  });
});
