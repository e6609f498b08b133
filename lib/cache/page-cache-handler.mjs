// @ts-check
// Plain JavaScript: `next build` imports its `cacheHandler` without compiling it (servers install it: instrumentation.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { connectRedis } from "../redis/connection.mjs";
import { RENDER_ALLOWANCE_MS, createRenderClock, predatesPublication, publishedSince, readSchedule } from "./publication-schedule.mjs";
import { createSharedPageStore, isSharedKind, tagsOf } from "./shared-page-store.mjs";

/** @typedef {import("next/dist/server/lib/incremental-cache/file-system-cache").default} Cache */
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
 * The build's pages in Redis when REDIS_URL is set, one store per build folder; never during a build or in
 * `next dev`, and never when the build has no id to scope its pages by (the server then caches on its own,
 * and says so once).
 */
const sharedStores = new Map();
/** @param {string} distDir */
function sharedStoreOf(distDir) {
  const url = process.env.REDIS_URL;
  if (!url || building) return undefined;
  if (!sharedStores.has(distDir)) {
    try {
      sharedStores.set(distDir, createSharedStore(url, distDir));
    } catch (error) {
      console.error(`[redis] pages are not shared: ${error instanceof Error ? error.message : error}`);
      sharedStores.set(distDir, undefined);
    }
  }
  return sharedStores.get(distDir);
}

/**
 * Pages of one build never mix with another's: the build's id (and the deployment's, when set) scope them. So
 * does the comments database: servers of one build on other databases (staging beside production, say) show
 * other comments, and are not one site.
 * @param {string} url
 * @param {string} distDir
 */
function createSharedStore(url, distDir) {
  const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const database = createHash("sha256").update(process.env.DATABASE_URL ?? "").digest("base64url").slice(0, 12);
  const namespace = [buildId, process.env.NEXT_DEPLOYMENT_ID, database].filter(Boolean).join(":");
  return createSharedPageStore(connectRedis(url), namespace);
}

/**
 * Next.js's page cache (in memory, on disk in the build folder, seeded with the prerendered pages), with the
 * site's rules:
 * - A page stored before a scheduled story's moment is not served after it: the next request renders it
 *   anew, so the story shows everywhere on the minute, and never early.
 * - An error answer (a 404 from a route handler, such as a made-up social image) is never stored: made-up
 *   addresses, however many, fill neither memory nor disk. (Pages' 404s Next.js does not store itself.)
 * - With REDIS_URL, pages and route handlers' answers live in Redis for every server of the build, and a
 *   revalidation through any server (a moderation) expires its pages for all of them. Each server keeps no
 *   copy in memory. While Redis is unreachable, slow or answers nonsense, each server renders and caches on
 *   its own, on disk, and shares again when Redis is back.
 */
export default class PageCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} context */
  constructor(context) {
    const distDir = context.serverDistDir ? path.dirname(context.serverDistDir) : undefined;
    const shared = distDir && process.env.NODE_ENV === "production" ? sharedStoreOf(distDir) : undefined;
    // One copy of a page, in Redis: a private copy in memory would outlive a moderation on another server.
    super(shared ? { ...context, maxMemoryCacheSize: 0 } : context);
    this.shared = shared;
    this.schedule = distDir ? scheduleOf(distDir) : undefined;
  }

  /** @type {Cache["get"]} */
  async get(...args) {
    const [key] = args;
    const now = Date.now();
    if (building) return this.findCurrent(...args);
    renderClock.asked(key, now);
    const entry = await this.findCurrent(...args);
    if (entry === null) renderClock.missed(key, now);
    // Stored since this server's first request, by another server: a render this one starts starts now.
    // (Next.js asks for a page only when no render of it is under way in this process.)
    else if (entry) renderClock.seen(key, entry.lastModified, now);
    return entry;
  }

  /** The stored page, unless a moderation or a publication has made it out of date. */
  /** @type {Cache["get"]} */
  async findCurrent(...args) {
    const [key, context] = args;
    const now = Date.now();
    const fromRedis = isSharedKind(context) ? await this.shared?.get(key) : undefined;
    const entry = fromRedis ?? (await super.get(...args));
    // Redis could not tell (down, or slower than a command may take): it cannot tell the tags' times either,
    // and a request waits on a hung Redis once, not twice.
    const redisAnswered = fromRedis !== undefined;
    const value = entry?.value;
    if (!entry || !isSharedKind(value)) return entry;
    // A page rendered before a moderation expired it, on whichever server, is rendered anew. A page on disk
    // was rendered before it was stored there, whatever this server stored since; one stored before this
    // server started (the build's own, whose file times a copy resets) is as old as the build's content.
    const renderedFrom =
      fromRedis?.renderedFrom ??
      (entry.lastModified < serverStartedAt
        ? Math.min(entry.lastModified, this.schedule?.cutoff ?? Infinity)
        : Math.min(entry.lastModified, renderClock.renderStartedBy(key) ?? Infinity));
    if (this.shared && redisAnswered && (await this.shared.expiredSince(tagsOf(/** @type {any} */ (value)), renderedFrom))) return null;
    if (!this.schedule || UNCHANGED_BY_PUBLICATION.test(addressOf(key))) return entry;
    if (fromRedis) return publishedSince(this.schedule, fromRedis.renderedFrom, now) ? null : entry;
    const times = { storedAt: entry.lastModified, renderStartedBy: renderClock.renderStartedBy(key), now, serverStartedAt };
    return predatesPublication(this.schedule, times) ? null : entry;
  }

  /** @type {Cache["set"]} */
  async set(key, data, context) {
    if (building) return super.set(key, data, context);
    // An error answer is not stored, and the page stored before it keeps its own render's time.
    if (data && "status" in data && (data.status ?? 200) >= 400) return;
    const now = Date.now();
    const sharedPage = this.shared && isSharedKind(data) && {
      value: /** @type {any} */ (data),
      lastModified: now,
      renderedFrom: renderClock.renderingSince(key) ?? now - RENDER_ALLOWANCE_MS,
      cacheControl: "cacheControl" in context ? context.cacheControl : undefined,
    };
    if (!(sharedPage && (await this.shared?.set(key, sharedPage)))) await super.set(key, data, context);
    renderClock.stored(key);
  }

  /** @type {Cache["revalidateTag"]} */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    // Expired at once (revalidatePath, updateTag) for every server; a later expiry (revalidateTag with a
    // cache profile, which the site does not use) stays this server's own.
    if (durations?.expire) return;
    await this.shared?.expireTags(typeof tags === "string" ? [tags] : tags, Date.now());
  }
}
