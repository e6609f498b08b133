// @ts-check
// Plain JavaScript: Next.js imports the page cache handler, and so this module, without compiling it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Beside the build's pages: the build's publication moment and the moments of the stories it scheduled. */
const SCHEDULE_FILE = "publication-schedule.json";

/**
 * How long a render may take. A page stored within this time after a story's moment may have been
 * rendered just before it, without the story, so it is not trusted to show it.
 */
export const RENDER_ALLOWANCE_MS = 15_000;

/**
 * @typedef {object} Schedule
 * @property {number} cutoff The build's publication moment: its pages show the stories dated up to it.
 * @property {number[]} moments When the build's scheduled stories are published, in ascending order.
 */

/**
 * @param {string} distDir
 * @param {number} cutoff
 * @param {number[]} moments
 */
export function writeSchedule(distDir, cutoff, moments) {
  const future = moments.filter((moment) => moment > cutoff).sort((a, b) => a - b);
  writeFileSync(path.join(distDir, SCHEDULE_FILE), JSON.stringify({ cutoff, moments: future }));
}

/** @param {unknown} value */
const isTime = (value) => typeof value === "number" && Number.isFinite(value);

/**
 * The schedule of a build made by `npm run build`, or undefined (a bare `next build`, `next dev`).
 * @param {string} distDir
 * @returns {Schedule | undefined}
 */
export function readSchedule(distDir) {
  try {
    const { cutoff, moments } = JSON.parse(readFileSync(path.join(distDir, SCHEDULE_FILE), "utf8"));
    if (!isTime(cutoff) || !Array.isArray(moments) || !moments.every(isTime)) return undefined;
    return { cutoff, moments };
  } catch {
    return undefined;
  }
}

/**
 * The latest of the ascending moments at or before `now`.
 * @param {number[]} moments
 * @param {number} now
 */
function lastMomentBy(moments, now) {
  let low = 0;
  let high = moments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (/** @type {number} */ (moments[middle]) <= now) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? moments[low - 1] : undefined;
}

/**
 * Whether a page stored at `storedAt` may have been rendered before a story that is published by `now`:
 * then it may not be served. A page stored before this server started (by the build, or by an earlier
 * server, whose clocks and file times are not to be trusted) counts as showing the build's cutoff; one this
 * server stored, as rendered from `renderStartedBy` (see createRenderClock) or, unknown, the allowance before
 * it was stored.
 * @param {Schedule} schedule
 * @param {{ storedAt: number, renderStartedBy?: number, now: number, serverStartedAt: number }} times
 */
export function predatesPublication(schedule, { storedAt, renderStartedBy, now, serverStartedAt }) {
  const renderedAfter = storedAt < serverStartedAt ? schedule.cutoff : (renderStartedBy ?? storedAt - RENDER_ALLOWANCE_MS);
  return publishedSince(schedule, renderedAfter, now);
}

/**
 * Whether a story was published after `renderedFrom` and by `now`: a page rendered from then must not be
 * served now.
 * @param {Schedule} schedule
 * @param {number} renderedFrom
 * @param {number} now
 */
export function publishedSince(schedule, renderedFrom, now) {
  const moment = lastMomentBy(schedule.moments, now);
  return moment !== undefined && moment > renderedFrom;
}

/**
 * When this process's render of each page started, at the earliest: the first time the page was asked for
 * since it was last stored (a render follows the request that misses). With it, a page rendered after a
 * moment is trusted at once, where the allowance alone would render every page anew for 15 s after each
 * moment. Bounded: a key it has forgotten (a flood of made-up addresses pushes keys out) falls back to the
 * allowance, which is never wrong, only slower.
 * @param {number} limit
 */
export function createRenderClock(limit = 20_000) {
  /** @type {Map<string, number>} */
  const askedSince = new Map();
  /** @type {Map<string, number>} */
  const startedBy = new Map();
  /** @param {Map<string, number>} map @param {string} key @param {number} time */
  const remember = (map, key, time) => {
    map.delete(key);
    map.set(key, time);
    if (map.size > limit) map.delete(/** @type {string} */ (map.keys().next().value));
  };
  return {
    /** @param {string} key @param {number} now */
    asked(key, now) {
      if (!askedSince.has(key)) remember(askedSince, key, now);
    },
    /** @param {string} key */
    stored(key) {
      const asked = askedSince.get(key);
      askedSince.delete(key);
      if (asked === undefined) startedBy.delete(key);
      else remember(startedBy, key, asked);
    },
    /**
     * A page found, stored at `storedAt`: if that was after the request this clock holds (another server
     * stored it meanwhile), the next render of it starts from now, not from that request.
     * @param {string} key @param {number} storedAt @param {number} now
     */
    seen(key, storedAt, now) {
      const asked = askedSince.get(key);
      if (asked !== undefined && asked < storedAt) remember(askedSince, key, now);
    },
    /** @param {string} key @param {number} now A miss: the render about to start starts now. */
    missed(key, now) {
      remember(askedSince, key, now);
    },
    /** @param {string} key When the render being stored started, at the earliest, if known. */
    renderingSince: (key) => askedSince.get(key),
    /** @param {string} key */
    renderStartedBy: (key) => startedBy.get(key),
  };
}
