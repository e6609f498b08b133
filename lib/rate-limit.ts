import { RLWrapperTimeouts, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { REDIS_COMMAND_TIMEOUT_MS, redisClient, untilConnected } from "./redis/client";

export type RateLimiter = {
  /** Counts one attempt; false when the key has used up its window. */
  take(key: string, now?: number): Promise<boolean>;
};

type LimitOptions = { limit: number; windowMs: number };

/**
 * A sliding-window limit per key (a client address), held in this process: enough to slow a
 * spammer or a password guesser, and it forgets everything on restart.
 */
export function createLocalRateLimiter({ limit, windowMs }: LimitOptions) {
  const hits = new Map<string, number[]>();
  return {
    take(key: string, now = Date.now()): boolean {
      const recent = (hits.get(key) ?? []).filter((time) => now - time < windowMs);
      const allowed = recent.length < limit;
      if (allowed) recent.push(now);
      hits.set(key, recent);
      // Drop keys whose window has passed, so a flood of addresses cannot grow the map for ever.
      if (hits.size > 10_000) for (const [other, times] of hits) if (times.every((time) => now - time >= windowMs)) hits.delete(other);
      return allowed;
    },
  };
}

/**
 * A limit per key, named for its keys in Redis. With REDIS_URL it holds for all the servers together
 * (rate-limiter-flexible's Redis store: five a window means five, whichever server takes them); while Redis
 * is unreachable or slow, each server limits on its own, and the shared count resumes when it is back.
 * Without REDIS_URL it is the in-process limit above.
 */
export function createRateLimiter(name: string, options: LimitOptions): RateLimiter {
  const local = createLocalRateLimiter(options);
  const client = redisClient();
  if (!client) return { take: async (key, now) => local.take(key, now) };
  const duration = Math.ceil(options.windowMs / 1000);
  const shared = new RLWrapperTimeouts({
    limiter: new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: `hashline:limit:${name}`,
      points: options.limit,
      duration,
    }),
    timeoutMs: REDIS_COMMAND_TIMEOUT_MS,
  });
  return {
    async take(key) {
      await untilConnected(client);
      try {
        await shared.consume(key);
        return true;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return false;
        // Redis unreachable, slow (past the timeout) or answering nonsense: this server limits on its own.
        return local.take(key);
      }
    },
  };
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next.js sets
 * the header from the socket when no proxy did).
 */
export function clientAddress(forwardedFor: string | null): string {
  return forwardedFor?.split(",").at(-1)?.trim() || "unknown";
}
