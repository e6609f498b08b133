import { afterEach, describe, expect, it, vi } from "vitest";
import { handOverHtml } from "@/lib/html/hand-over";
import { htmlHandoverStore, takeHtml } from "@/lib/html/ssr-handover";

afterEach(() => vi.useRealTimers());

describe("HTML handed over to the page's HTML render", () => {
  it("is taken back by its key, and the same HTML always has the same key", () => {
    const key = handOverHtml("<p>Once</p>");
    expect(takeHtml(key)).toBe("<p>Once</p>");
    expect(handOverHtml("<p>Once</p>")).toBe(key);
    expect(handOverHtml("<p>Twice</p>")).not.toBe(key);
  });

  it("fails loudly for a key nothing was handed over under, rather than render a page without its text", () => {
    expect(() => takeHtml("no-such-key")).toThrow(/No server HTML was handed over under no-such-key/);
  });

  it("keeps what a render may still need however much follows, and lets the oldest go once the limit is passed", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    htmlHandoverStore().entries.clear();
    htmlHandoverStore().chars = 0;
    const big = (fill: string) => fill.repeat(9 * 1024 * 1024);
    const first = handOverHtml(big("a"));
    const second = handOverHtml(big("b"));
    // Over the 16 M character limit, but both are younger than a minute: both stay.
    expect(takeHtml(first)).toHaveLength(9 * 1024 * 1024);
    expect(takeHtml(second)).toHaveLength(9 * 1024 * 1024);
    vi.advanceTimersByTime(61_000);
    const third = handOverHtml("<p>later</p>");
    expect(() => takeHtml(first)).toThrow();
    expect(takeHtml(third)).toBe("<p>later</p>");
    expect(htmlHandoverStore().chars).toBeLessThanOrEqual(16 * 1024 * 1024);
  });
});
