import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RENDER_ALLOWANCE_MS, predatesPublication, readSchedule, writeSchedule } from "@/lib/cache/publication-schedule.mjs";

const minute = 60_000;
const cutoff = Date.UTC(2026, 10, 30, 12);
const builtAt = cutoff + 5 * minute;
/** Two stories scheduled after the build's cutoff: one while it was building, one an hour later. */
const schedule = { cutoff, builtAt, moments: [cutoff + 2 * minute, cutoff + 60 * minute] };

describe("a page stored before a scheduled story's moment", () => {
  it("is not served once the moment has passed, and is before it", () => {
    const storedAt = cutoff + 30 * minute;
    expect(predatesPublication(schedule, storedAt, cutoff + 59 * minute)).toBe(false);
    expect(predatesPublication(schedule, storedAt, cutoff + 60 * minute)).toBe(true);
    expect(predatesPublication(schedule, storedAt, cutoff + 24 * 60 * minute)).toBe(true);
  });

  it("is served again once rendered after the moment, with time allowed for the render", () => {
    const moment = cutoff + 60 * minute;
    const later = moment + 10 * minute;
    expect(predatesPublication(schedule, moment + RENDER_ALLOWANCE_MS - 1, later)).toBe(true);
    expect(predatesPublication(schedule, moment + RENDER_ALLOWANCE_MS + 1, later)).toBe(false);
  });

  it("counts as rendered at the build's cutoff when the build made it, however long the build took", () => {
    // Generated at the end of the build, after the first story's moment, but showing content as at the cutoff.
    expect(predatesPublication(schedule, builtAt, cutoff + 3 * minute)).toBe(true);
    expect(predatesPublication({ ...schedule, moments: [] }, builtAt, cutoff + 3 * minute)).toBe(false);
  });
});

describe("the build's schedule file", () => {
  const distDir = () => mkdtempSync(path.join(tmpdir(), "schedule-"));

  it("keeps the moments after the cutoff, in order, and dates the build by its prerender manifest", () => {
    const dir = distDir();
    writeSchedule(dir, cutoff, [cutoff + 60 * minute, cutoff - minute, cutoff + 2 * minute]);
    writeFileSync(path.join(dir, "prerender-manifest.json"), "{}");
    utimesSync(path.join(dir, "prerender-manifest.json"), new Date(builtAt), new Date(builtAt));
    expect(readSchedule(dir)).toEqual(schedule);
  });

  it("is undefined when missing, unfinished or garbled, so pages are cached as Next.js caches them", () => {
    const missing = distDir();
    expect(readSchedule(missing)).toBeUndefined();
    const unfinished = distDir();
    writeSchedule(unfinished, cutoff, []);
    expect(readSchedule(unfinished)).toBeUndefined();
    const garbled = distDir();
    writeFileSync(path.join(garbled, "prerender-manifest.json"), "{}");
    for (const text of ["{not json", JSON.stringify({ cutoff: "soon", moments: [] }), JSON.stringify({ cutoff, moments: ["x"] })]) {
      writeFileSync(path.join(garbled, "publication-schedule.json"), text);
      expect(readSchedule(garbled), text).toBeUndefined();
    }
  });
});
