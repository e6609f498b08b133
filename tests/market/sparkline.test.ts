import { describe, expect, it } from "vitest";
import { compactSparkline } from "@/lib/market/sparkline";

describe("a sparkline's points", () => {
  it("thins CoinGecko's 168 hourly prices to 48, keeping the first and the last", () => {
    const hourly = Array.from({ length: 168 }, (_, hour) => 60_000 + hour * 10.123456);
    const points = compactSparkline(hourly);
    expect(points).toHaveLength(48);
    expect(points[0]).toBe(60_000);
    expect(points.at(-1)).toBe(Number(hourly.at(-1)!.toPrecision(5)));
    expect([...points].sort((a, b) => a - b)).toEqual(points);
  });

  it("keeps a short series whole, to five significant figures", () => {
    expect(compactSparkline([2951.681871, 0.58651234, 1.5])).toEqual([2951.7, 0.58651, 1.5]);
    expect(compactSparkline([])).toEqual([]);
  });
});
