import { describe, expect, it } from "vitest";
import { deriveDominanceChangePts } from "@/lib/market/dominance";
import { direction, formatAge, formatChangePct, formatChangePts, formatCompactUsd, formatPrice, formatShare, formatUtcDay, formatUtcMoment } from "@/lib/market/format";

describe("ticker formatting", () => {
  it.each([
    [63988, "$63,988"],
    [3412.553, "$3,412.55"],
    [142.1, "$142.10"],
    [0.586512, "$0.5865"],
    [0.00001234, "$0.00001234"],
  ])("prices %d as %s", (value, text) => {
    expect(formatPrice(value)).toBe(text);
  });

  it("prints market caps compactly and shares with one decimal", () => {
    expect(formatCompactUsd(2_291_500_000_000)).toBe("$2.29T");
    expect(formatCompactUsd(845_000_000_000)).toBe("$845B");
    expect(formatShare(54.1996)).toBe("54.2%");
  });

  it("signs changes and never shows an unknown change as zero", () => {
    expect(formatChangePct(0.872)).toBe("+0.87%");
    expect(formatChangePct(-1.2)).toBe("-1.20%");
    expect(formatChangePct(0)).toBe("0.00%");
    expect(formatChangePct(null)).toBe("n/a");
    expect(formatChangePts(0.2125)).toBe("+0.21 pts");
    expect(direction(null)).toBe("unknown");
    expect(direction(0.001)).toBe("flat");
    expect(direction(-0.5)).toBe("down");
  });

  it("says how old data is", () => {
    expect(formatAge(42)).toBe("42 s");
    expect(formatAge(600)).toBe("10 min");
    expect(formatAge(7200)).toBe("2 h");
    expect(formatAge(3 * 86_400)).toBe("3 days");
  });

  it("says when figures are from, in UTC, whatever the machine's time zone", () => {
    expect(formatUtcMoment("2026-12-01T14:05:59.000Z")).toBe("1 Dec, 14:05 UTC");
    expect(formatUtcMoment("2026-11-30T23:59:00-02:00")).toBe("1 Dec, 01:59 UTC");
    expect(formatUtcMoment("2026-01-09T03:07:00Z", { withYear: true })).toBe("9 Jan 2026, 03:07 UTC");
    expect(formatUtcDay("2024-03-01T12:00:00.000Z")).toBe("1 Mar 2024");
  });
});

describe("BTC dominance change", () => {
  it("is derived from BTC's and the total market cap's 24h changes", () => {
    const global = { totalMarketCapUsd: 1e12, marketCapChange24hPct: 0, btcDominancePct: 50 };
    // BTC up 10 % while the total stood still: BTC was 50/1.1 = 45.45 % of the market a day ago.
    expect(deriveDominanceChangePts(global, 10)).toBeCloseTo(4.545, 3);
    expect(deriveDominanceChangePts({ ...global, marketCapChange24hPct: 10 }, 10)).toBeCloseTo(0, 10);
    expect(deriveDominanceChangePts(global, null)).toBeNull();
  });
});
