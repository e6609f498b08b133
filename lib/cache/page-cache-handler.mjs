// @ts-check
// Plain JavaScript: Next.js imports its `cacheHandler` at run time, without compiling it.
import path from "node:path";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { createRenderClock, predatesPublication, readSchedule } from "./publication-schedule.mjs";

/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache").default} */
const FileSystemCache = /** @type {any} */ (FileSystemCacheModule).default ?? FileSystemCacheModule;

/** Read once per process: a build's schedule never changes. Next.js makes a handler per request. */
const schedules = new Map();
/** @param {string} distDir */
function scheduleOf(distDir) {
  if (!schedules.has(distDir)) schedules.set(distDir, readSchedule(distDir));
  return schedules.get(distDir);
}

/**
 * Addresses whose answer no other story changes: a story's social image, and the site's fixed files. They are
 * kept across publications, which would otherwise redraw every social image.
 */
const UNCHANGED_BY_PUBLICATION = /^\/(?:og\/|robots\.txt$|icon\.png$|opensearch\.xml$)/;

/** The address a cache key is for: Next.js scopes keys as `…/$/<path>`. */
function addressOf(/** @type {string} */ key) {
  const marker = key.indexOf("/$/");
  return marker === -1 ? key : key.slice(marker + 2);
}

const building = process.env.NEXT_PHASE === "phase-production-build";
/** When this process started: what it stores itself is timed by its own clock. */
const serverStartedAt = performance.timeOrigin;
/** Shared by the handlers of the process, as the memory cache is. */
const renderClock = createRenderClock();

/**
 * Next.js's own page cache (in memory, on disk in the build folder, seeded with the prerendered pages), with
 * two rules of the site's:
 * - A page stored before a scheduled story's moment is not served after it: the next request renders it
 *   anew, so the story shows everywhere on the minute, and never early.
 * - An error answer (a 404 from a route handler, such as a made-up social image) is never stored: made-up
 *   addresses, however many, fill neither memory nor disk. (Pages' 404s Next.js does not store itself.)
 */
export default class PageCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} context */
  constructor(context) {
    super(context);
    this.schedule = context.serverDistDir ? scheduleOf(path.dirname(context.serverDistDir)) : undefined;
  }

  /** @type {FileSystemCache["get"]} */
  async get(...args) {
    const [key] = args;
    const now = Date.now();
    if (!building) renderClock.asked(key, now);
    const entry = await super.get(...args);
    const value = entry?.value;
    const isPage = value?.kind === "APP_PAGE" || value?.kind === "APP_ROUTE";
    if (!entry || !isPage || !this.schedule || UNCHANGED_BY_PUBLICATION.test(addressOf(key))) return entry;
    const times = { storedAt: entry.lastModified, renderStartedBy: renderClock.renderStartedBy(key), now, serverStartedAt };
    return predatesPublication(this.schedule, times) ? null : entry;
  }

  /** @type {FileSystemCache["set"]} */
  async set(key, data, context) {
    if (building) return super.set(key, data, context);
    // An error answer is not stored, and the page stored before it keeps its own render's time.
    if (data && "status" in data && (data.status ?? 200) >= 400) return;
    await super.set(key, data, context);
    renderClock.stored(key);
  }
}
