import "server-only";
import { type RedisClientType, createClient } from "redis";
import { building, env } from "../env";
import { processSingleton } from "../process-singleton";

/** How long a Redis command may take before its caller gives up on it and works without Redis. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/** Shared by every bundle of the process: one connection, one record of whether Redis is reachable. */
const state = processSingleton("redis", () => ({
  client: undefined as RedisClientType | undefined,
  /** Settles when the first connection is made, or fails. */
  connecting: Promise.resolve(),
  down: false,
}));

function log(message: string) {
  console.error(`[redis] ${message}`);
}

/**
 * The site's connection to Redis, when REDIS_URL is set (never during `next build`: a build must not
 * depend on it). Made on first use and kept for the process. While Redis is unreachable, commands fail at
 * once rather than queue (callers then work on their own, see lib/rate-limit.ts), the client reconnects in
 * the background, and the outage is logged once, as is the recovery, not once per request.
 */
export function redisClient(): RedisClientType | undefined {
  if (!env.REDIS_URL || building) return undefined;
  if (state.client) return state.client;
  const client: RedisClientType = createClient({
    url: env.REDIS_URL,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      socketTimeout: 10_000,
      // Every half second at first, then at most every five seconds: a restarted Redis is found soon.
      reconnectStrategy: (retries) => Math.min(500 * (retries + 1), 5_000),
    },
  });
  client.on("error", (error: Error) => {
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
  state.connecting = client.connect().then(
    () => {},
    () => {},
  );
  state.client = client;
  return client;
}

/** `work`'s answer, or `late` once the command timeout has passed without one; the timer never outlives it. */
export async function withinCommandTimeout<T>(work: Promise<T>, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(late()), REDIS_COMMAND_TIMEOUT_MS)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits, at most the command timeout, for a client's first connection: a server's first requests then
 * count with the other servers' rather than alone. Immediate once connected, or while Redis is down.
 */
export async function untilConnected(client: RedisClientType): Promise<void> {
  if (client.isReady || state.down) return;
  await withinCommandTimeout(state.connecting, () => {});
}
