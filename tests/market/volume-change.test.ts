import { describe, expect, it } from "vitest";
import { createVolumeHistory } from "@/lib/market/volume-change";

const HOUR = 3_600_000;

describe("the total volume's 24-hour change", () => {
  it("is unknown until an answer from about a day before was seen, then compares with it", () => {
    const history = createVolumeHistory();
    const start = Date.UTC(2026, 11, 1, 12);
    expect(history.changeSince(80e9, start)).toBeNull();
    // Answers every 30 minutes for a day; none is a day old yet.
    for (let at = start + HOUR / 2; at < start + 23 * HOUR; at += HOUR / 2) expect(history.changeSince(80e9, at)).toBeNull();
    expect(history.changeSince(88e9, start + 24 * HOUR)).toBeCloseTo(10, 10);
    // The sample closest to a day before counts: 12:30 the day before, not 12:00.
    expect(history.changeSince(88e9, start + 24.5 * HOUR)).toBeCloseTo(10, 10);
  });

  it("is unknown without a sample near a day before, and for no volume", () => {
    const history = createVolumeHistory();
    const start = Date.UTC(2026, 11, 1, 12);
    history.changeSince(80e9, start);
    expect(history.changeSince(90e9, start + 26 * HOUR)).toBeNull();
    expect(history.changeSince(null, start + 27 * HOUR)).toBeNull();
  });
});
