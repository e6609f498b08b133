// @ts-check
// Plain JavaScript: the page cache handler, which a build loads without compiling it, shares this connection
// with the site's own code (lib/redis/client.ts), so a process holds one connection and logs one outage.
import { createClient } from "redis";

/** How long a Redis command may take before its caller gives up on it and works without Redis. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/** @typedef {import("redis").RedisClientType} RedisClient */

/**
 * Kept on globalThis: Next.js bundles routes and the instrumentation that installs the page cache separately
 * (and a build loads the handler outside any bundle), and all of them must share the one connection and the
 * one record of whether Redis is reachable.
 * @type {{ clients: Map<string, RedisClient>, connecting: Map<RedisClient, Promise<void>>, down: boolean }}
 */
const state = /** @type {any} */ (globalThis)[Symbol.for("hashline.redis")] ??= {
  clients: new Map(),
  connecting: new Map(),
  down: false,
};

/** @param {string} message */
function log(message) {
  console.error(`[redis] ${message}`);
}

/**
 * The process's connection to the Redis at `url`, made on first use and kept. While Redis is unreachable,
 * commands fail at once rather than queue (callers then work on their own), the client reconnects in the
 * background, and the outage is logged once, as is the recovery, not once per request.
 * @param {string} url
 * @returns {RedisClient}
 */
export function connectRedis(url) {
  const existing = state.clients.get(url);
  if (existing) return existing;
  /** @type {RedisClient} */
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      // No socketTimeout: it closes an idle connection, which would log an outage on every quiet spell.
      // A Redis that hangs is caught per command instead (withinCommandTimeout).
      connectTimeout: 2_000,
      // Every half second at first, then at most every five seconds: a restarted Redis is found soon.
      reconnectStrategy: (retries) => Math.min(500 * (retries + 1), 5_000),
    },
  });
  client.on("error", (/** @type {Error} */ error) => {
    if (state.down) return;
    state.down = true;
    log(`unreachable (${error.message}); each server works on its own until it is back`);
  });
  client.on("ready", () => {
    if (!state.down) return;
    state.down = false;
    log("reachable again; sharing resumes");
  });
  // A failed first connection is reported by the "error" event and retried by the reconnect strategy.
  state.connecting.set(
    client,
    client.connect().then(
      () => {},
      () => {},
    ),
  );
  state.clients.set(url, client);
  return client;
}

/**
 * `work`'s answer, or `late()` once the command timeout has passed without one; the timer never outlives it.
 * @template T
 * @param {Promise<T>} work
 * @param {() => T} late
 * @returns {Promise<T>}
 */
export async function withinCommandTimeout(work, late) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(late()), REDIS_COMMAND_TIMEOUT_MS)));
  try {
    return /** @type {T} */ (await Promise.race([work, timeout]));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits, at most the command timeout, for a client's first connection: a server's first requests then
 * share with the other servers rather than work alone. Immediate once connected, or while Redis is down.
 * @param {RedisClient} client
 */
export async function untilConnected(client) {
  if (client.isReady || state.down) return;
  await withinCommandTimeout(state.connecting.get(client) ?? Promise.resolve(), () => {});
}

/**
 * A command's answer, or `fallback` when Redis is unreachable, slow or fails: callers then work without it.
 * The connection's "error" event logs an outage once; a single failed command changes nothing.
 * @template T
 * @param {RedisClient} client
 * @param {() => Promise<T>} command
 * @param {T} fallback
 * @returns {Promise<T>}
 */
export async function attempt(client, command, fallback) {
  await untilConnected(client);
  try {
    return await withinCommandTimeout(command(), () => {
      reportFailure("a command took longer than its timeout");
      return fallback;
    });
  } catch (error) {
    reportFailure(error instanceof Error ? error.message : String(error));
    return fallback;
  }
}

/** When a failed command was last logged: once a minute at most, and not while an outage is already logged. */
let lastReported = 0;
/** @param {string} reason */
function reportFailure(reason) {
  const now = Date.now();
  if (state.down || now - lastReported < 60_000) return;
  lastReported = now;
  log(`${reason}; working without Redis for it (logged once a minute at most)`);
}

/**
 * Waits up to `ms` for the client to be connected, for a tool that runs once (the comments CLI) rather than a
 * server answering readers: it may wait longer than a request would. True when connected.
 * @param {RedisClient} client
 * @param {number} ms
 */
export async function connected(client, ms) {
  const until = Date.now() + ms;
  while (!client.isReady && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return client.isReady;
}
