import "server-only";
import { z } from "zod";
import { sharedValue } from "../redis/shared-value";
import { type RefreshingCacheOptions, createRefreshingCache } from "./cache";

/**
 * A market value's cache, shared with REDIS_URL by all the servers under `hashline:market:<key>` and checked
 * against its schema on the way back from Redis.
 */
export function sharedMarketCache<T>(key: string, schema: z.ZodType<T>, options: Omit<RefreshingCacheOptions<T>, "shared">) {
  return createRefreshingCache({ ...options, shared: sharedValue(`hashline:market:${key}`, z.object({ value: schema, fetchedAt: z.number() })) });
}
