import { describe, expect, it } from "vitest";
import { formatDisplayDate, toIsoDateTime, toTimestamp } from "@/lib/content/dates";

describe("dates", () => {
  it("shows a date-only post as the day the editor wrote", () => {
    expect(formatDisplayDate("2024-03-01")).toBe("1 March 2024");
  });

  it("shows the written calendar day of a date-time, whatever its zone", () => {
    expect(formatDisplayDate("2024-03-01T23:30:00-05:00")).toBe("1 March 2024");
    expect(formatDisplayDate("2024-03-01T00:30:00+09:00")).toBe("1 March 2024");
  });

  it("reads dates and times without a zone as UTC", () => {
    expect(toTimestamp("2024-03-01")).toBe(Date.UTC(2024, 2, 1));
    expect(toTimestamp("2024-03-01T09:30:00")).toBe(Date.UTC(2024, 2, 1, 9, 30));
    expect(toTimestamp("2024-03-01T09:30:00+02:00")).toBe(Date.UTC(2024, 2, 1, 7, 30));
  });

  it("gives feeds a date alone as noon UTC, the same calendar day for readers from UTC-11 to UTC+11", () => {
    const published = new Date(toIsoDateTime("2024-03-01"));
    for (const timeZone of ["Pacific/Pago_Pago", "America/Los_Angeles", "UTC", "Asia/Tokyo", "Pacific/Noumea"]) {
      expect(published.toLocaleDateString("en-GB", { timeZone, day: "numeric", month: "long" }), timeZone).toBe("1 March");
    }
    expect(toIsoDateTime("2024-03-01T09:30:00Z")).toBe("2024-03-01T09:30:00.000Z");
  });
});
