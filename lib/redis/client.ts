import "server-only";
import { building, env } from "../env";
import { type RedisClient, connectRedis } from "./connection.mjs";

export { REDIS_COMMAND_TIMEOUT_MS, attempt, connected, untilConnected, withinCommandTimeout } from "./connection.mjs";
export type { RedisClient };

/**
 * The site's connection to Redis (lib/redis/connection.mjs), when REDIS_URL is set; never during
 * `next build`, which must not depend on it.
 */
export function redisClient(): RedisClient | undefined {
  if (!env.REDIS_URL || building) return undefined;
  return connectRedis(env.REDIS_URL);
}
