import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  RENDER_ALLOWANCE_MS,
  createRenderClock,
  predatesPublication,
  readSchedule,
  writeSchedule,
} from "@/lib/cache/publication-schedule.mjs";

const minute = 60_000;
const cutoff = Date.UTC(2026, 10, 30, 12);
/** The server started after the build; two stories are scheduled after the build's cutoff: one while it built. */
const serverStartedAt = cutoff + 5 * minute;
const schedule = { cutoff, moments: [cutoff + 2 * minute, cutoff + 60 * minute] };
const predates = (storedAt: number, now: number) => predatesPublication(schedule, { storedAt, now, serverStartedAt });

describe("a page stored before a scheduled story's moment", () => {
  it("is not served once the moment has passed, and is before it", () => {
    const storedAt = cutoff + 30 * minute;
    expect(predates(storedAt, cutoff + 59 * minute)).toBe(false);
    expect(predates(storedAt, cutoff + 60 * minute)).toBe(true);
    expect(predates(storedAt, cutoff + 24 * 60 * minute)).toBe(true);
  });

  it("is served again once rendered after the moment, with time allowed for the render", () => {
    const moment = cutoff + 60 * minute;
    const later = moment + 10 * minute;
    expect(predates(moment + RENDER_ALLOWANCE_MS - 1, later)).toBe(true);
    expect(predates(moment + RENDER_ALLOWANCE_MS + 1, later)).toBe(false);
  });

  it("is served at once when its render is known to have started after the moment", () => {
    const moment = cutoff + 60 * minute;
    const storedAt = moment + 2_000;
    expect(predatesPublication(schedule, { storedAt, renderStartedBy: moment + 1, now: storedAt, serverStartedAt })).toBe(false);
    expect(predatesPublication(schedule, { storedAt, renderStartedBy: moment - 1, now: storedAt, serverStartedAt })).toBe(true);
  });

  it("counts as showing the build's cutoff when stored before the server started, whatever its time says", () => {
    // The build's own pages, or an earlier server's: file times, copied or from another clock, are not trusted.
    expect(predates(serverStartedAt - 1, cutoff + 3 * minute)).toBe(true);
    expect(predates(cutoff + 4 * minute, cutoff + 4 * minute)).toBe(true);
    expect(predatesPublication({ ...schedule, moments: [] }, { storedAt: serverStartedAt - 1, now: cutoff + 3 * minute, serverStartedAt })).toBe(false);
  });
});

describe("the render clock", () => {
  it("dates a page's render from the first request for it since it was last stored", () => {
    const clock = createRenderClock();
    clock.asked("/", 1_000);
    clock.asked("/", 2_000);
    clock.stored("/");
    expect(clock.renderStartedBy("/")).toBe(1_000);
    clock.asked("/", 5_000);
    clock.stored("/");
    expect(clock.renderStartedBy("/")).toBe(5_000);
  });

  it("knows nothing of a page stored without a request, nor of keys pushed out by a flood", () => {
    const clock = createRenderClock(3);
    clock.asked("/a", 1_000);
    clock.stored("/a");
    clock.stored("/a");
    expect(clock.renderStartedBy("/a")).toBeUndefined();
    clock.asked("/b", 1_000);
    for (const slug of ["x", "y", "z"]) clock.asked(`/news/${slug}`, 2_000);
    clock.stored("/b");
    expect(clock.renderStartedBy("/b")).toBeUndefined();
  });
});

describe("the build's schedule file", () => {
  const distDir = () => mkdtempSync(path.join(tmpdir(), "schedule-"));

  it("keeps the moments after the cutoff, in order", () => {
    const dir = distDir();
    writeSchedule(dir, cutoff, [cutoff + 60 * minute, cutoff - minute, cutoff + 2 * minute]);
    expect(readSchedule(dir)).toEqual(schedule);
  });

  it("is undefined when missing or garbled, so pages are cached as Next.js caches them", () => {
    expect(readSchedule(distDir())).toBeUndefined();
    const garbled = distDir();
    for (const text of ["{not json", JSON.stringify({ cutoff: "soon", moments: [] }), JSON.stringify({ cutoff, moments: ["x"] })]) {
      writeFileSync(path.join(garbled, "publication-schedule.json"), text);
      expect(readSchedule(garbled), text).toBeUndefined();
    }
  });
});
