// @ts-check
// Plain JavaScript: Next.js imports the page cache handler, and so this module, without compiling it.
import { z } from "zod";
import { attempt } from "../redis/connection.mjs";

/** @typedef {import("../redis/connection.mjs").RedisClient} RedisClient */

/**
 * When each page tag (`_N_T_/news/<slug>`, …) was last expired, for every build: a moderation through any
 * server, or the comments CLI, expires the pages of one address for the whole fleet. Never given a TTL, so
 * an eviction policy that spares such keys (README, "Several servers") never forgets a moderation.
 */
export const PAGE_TAGS_KEY = "hashline:page-tags";

/** A build's pages are dropped this long after they were stored, even unasked: old builds' pages drain away. */
const LONGEST_KEPT_SECONDS = 7 * 24 * 3600;

/** Buffers and Maps survive JSON as tagged objects (plain JSON.stringify would flatten both). */
function replacer(/** @type {string} */ key, /** @type {unknown} */ value) {
  // @ts-expect-error `this` is the holder: Buffer's toJSON has already replaced `value`.
  const raw = this[key];
  if (raw instanceof Uint8Array) return { $buffer: Buffer.from(raw).toString("base64") };
  if (raw instanceof Map) return { $map: [...raw] };
  return value;
}
function reviver(/** @type {string} */ _key, /** @type {any} */ value) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    if (typeof value.$buffer === "string") return Buffer.from(value.$buffer, "base64");
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

const buffer = z.instanceof(Buffer);
const headers = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional();
const cacheControl = z.object({ revalidate: z.union([z.number(), z.literal(false)]), expire: z.number().optional() }).optional();
/** The page kinds the fleet shares; other kinds (fetch data, images) stay in each server's own cache. */
const sharedValue = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("APP_PAGE"),
    html: z.union([z.string(), buffer]),
    rscData: buffer.optional(),
    postponed: z.string().optional(),
    headers,
    status: z.number().int().optional(),
    segmentData: z.map(z.string(), buffer).optional(),
  }),
  z.object({ kind: z.literal("APP_ROUTE"), body: buffer, headers, status: z.number().int().optional() }),
]);
const record = z.object({ lastModified: z.number(), renderedFrom: z.number(), cacheControl, value: sharedValue });

/** @typedef {z.infer<typeof record>} SharedPage */

/** Whether a value (or a lookup's context) is of a kind the fleet shares. @param {{ kind?: unknown } | null | undefined} value */
export const isSharedKind = (value) => value?.kind === "APP_PAGE" || value?.kind === "APP_ROUTE";

/** The tags a stored page answers to, from the header Next.js stores with it. @param {SharedPage["value"]} value */
export function tagsOf(value) {
  const header = value.headers?.["x-next-cache-tags"];
  return typeof header === "string" ? header.split(",").filter(Boolean) : [];
}

/**
 * Records that the pages of `tags` are out of date from `at`: a page rendered before then is rendered anew on
 * its next request, by whichever server gets it. False when Redis did not take it.
 * @param {RedisClient} client
 * @param {string[]} tags
 * @param {number} at
 */
export function expirePageTags(client, tags, at = Date.now()) {
  if (tags.length === 0) return Promise.resolve(true);
  return attempt(client, async () => (await client.eval(EXPIRE_TAGS, { keys: [PAGE_TAGS_KEY], arguments: [String(at), ...tags] }), true), false);
}

/** Sets each tag's time to ARGV[1] unless it holds a later one: an expiry is never moved back. */
const EXPIRE_TAGS = `for i = 2, #ARGV do
  local held = tonumber(redis.call('hget', KEYS[1], ARGV[i]))
  if not held or held < tonumber(ARGV[1]) then redis.call('hset', KEYS[1], ARGV[i], ARGV[1]) end
end
return 1`;

/**
 * One build's rendered pages in Redis, for every server of the build. What comes back is validated: a
 * garbled or foreign value is a miss. Every method answers `undefined` when Redis is unreachable, slow or
 * fails, and the caller then uses its own cache.
 * @param {RedisClient} client
 * @param {string} namespace the build (and deployment) the pages belong to
 */
export function createSharedPageStore(client, namespace) {
  const keyOf = (/** @type {string} */ key) => `hashline:page:${namespace}:${key}`;
  return {
    /**
     * The stored page, null when there is none, undefined when Redis cannot tell.
     * @param {string} key
     * @returns {Promise<SharedPage | null | undefined>}
     */
    get: (key) =>
      attempt(
        client,
        async () => {
          const text = await client.get(keyOf(key));
          if (text === null) return null;
          let parsed;
          try {
            parsed = record.safeParse(JSON.parse(text, reviver));
          } catch {
            return null;
          }
          return parsed.success ? parsed.data : null;
        },
        undefined,
      ),

    /**
     * Stores a page for all servers, kept until its expiry (or a week) unless Redis evicts it first.
     * @param {string} key
     * @param {SharedPage} page
     * @returns {Promise<boolean>} whether Redis took it
     */
    set: (key, page) => {
      const expire = page.cacheControl?.expire;
      const seconds = Math.max(1, Math.min(typeof expire === "number" && expire > 0 ? expire : LONGEST_KEPT_SECONDS, LONGEST_KEPT_SECONDS));
      return attempt(
        client,
        async () => (await client.set(keyOf(key), JSON.stringify(page, replacer), { expiration: { type: "EX", value: Math.ceil(seconds) } }), true),
        false,
      );
    },

    /**
     * Whether any of `tags` was expired after `since` (and by now), or undefined when Redis cannot tell.
     * @param {string[]} tags
     * @param {number} since
     * @returns {Promise<boolean | undefined>}
     */
    expiredSince: (tags, since) => {
      if (tags.length === 0) return Promise.resolve(false);
      const now = Date.now();
      return attempt(
        client,
        async () =>
          (await client.hmGet(PAGE_TAGS_KEY, tags)).some((text) => {
            const at = Number(text);
            return text !== null && Number.isFinite(at) && at > since && at <= now;
          }),
        undefined,
      );
    },

    expireTags: (/** @type {string[]} */ tags, /** @type {number} */ at) => expirePageTags(client, tags, at),
  };
}
