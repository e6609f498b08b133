import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { attempt as attemptOn, redisClient } from "./client";

/**
 * A value all the servers share, with a claim on refreshing it: a server that finds it stale claims the
 * refresh (SET NX PX) and the others keep serving what they have, so an upstream sees one call per TTL for
 * the whole fleet. What comes back from Redis is validated. While Redis is unreachable, slow or answers
 * nonsense, reads find nothing and every claim is granted: each server then refreshes on its own, as one
 * server does without Redis.
 */
export type SharedValue<T> = {
  read(): Promise<T | undefined>;
  write(value: T): Promise<void>;
  /** True when this server may refresh now; the claim lapses after `ms` if never released. */
  claim(ms: number): Promise<boolean>;
  /** Ends this server's claim, after a refresh. */
  release(): Promise<void>;
  /** Keeps every server from refreshing for `ms` (after a failure: the fleet backs off together). */
  holdOff(ms: number): Promise<void>;
};

/** Deletes the claim only if it is still this server's (it may have lapsed and been taken by another). */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** A shared value under `key`, or undefined without REDIS_URL (one server needs none). */
export function sharedValue<T>(key: string, schema: z.ZodType<T>): SharedValue<T> | undefined {
  const client = redisClient();
  if (!client) return undefined;
  const claimKey = `${key}:refreshing`;
  const token = randomUUID();
  const attempt = <R>(command: () => Promise<R>, fallback: R) => attemptOn(client, command, fallback);
  return {
    read: () =>
      attempt(async () => {
        const text = await client.get(key);
        if (text === null) return undefined;
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      }, undefined),
    write: (value) => attempt(async () => void (await client.set(key, JSON.stringify(value))), undefined),
    claim: (ms) => attempt(async () => (await client.set(claimKey, token, { condition: "NX", expiration: { type: "PX", value: ms } })) === "OK", true),
    release: () => attempt(async () => void (await client.eval(RELEASE, { keys: [claimKey], arguments: [token] })), undefined),
    holdOff: (ms) => attempt(async () => void (await client.set(claimKey, token, { expiration: { type: "PX", value: Math.max(1, ms) } })), undefined),
  };
}
