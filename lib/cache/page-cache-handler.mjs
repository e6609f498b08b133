// @ts-check
// Plain JavaScript: Next.js imports its `cacheHandler` at run time, without compiling it.
import path from "node:path";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { predatesPublication, readSchedule } from "./publication-schedule.mjs";

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
 * Next.js's own page cache (in memory, on disk in the build folder, seeded with the prerendered pages), with
 * the site's schedule: a page stored before a scheduled story's moment is not served after it, so the next
 * request renders it anew and the story shows everywhere on the minute, never early. (Next.js stores no
 * 404, so made-up addresses fill neither memory nor disk.)
 */
export default class PageCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} context */
  constructor(context) {
    super(context);
    this.schedule = context.serverDistDir ? scheduleOf(path.dirname(context.serverDistDir)) : undefined;
  }

  /** @type {FileSystemCache["get"]} */
  async get(...args) {
    const entry = await super.get(...args);
    const value = entry?.value;
    const isPage = value?.kind === "APP_PAGE" || value?.kind === "APP_ROUTE";
    if (entry && isPage && this.schedule && predatesPublication(this.schedule, entry.lastModified, Date.now())) return null;
    return entry;
  }
}
