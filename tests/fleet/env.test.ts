import { afterEach, describe, expect, it, vi } from "vitest";

/** lib/env.ts as a server would load it with this REDIS_URL. */
async function loadWith(redisUrl: string) {
  vi.resetModules();
  vi.stubEnv("REDIS_URL", redisUrl);
  return import("@/lib/env");
}

describe("REDIS_URL", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes redis:// and rediss:// URLs with a database number, user and password", async () => {
    for (const url of ["redis://127.0.0.1:6379", "redis://cache:6379/2", "rediss://user:p%40ss@cache:6380"]) {
      expect((await loadWith(url)).env.REDIS_URL).toBe(url);
    }
  });

  it("refuses at start-up, by name, what the Redis client could not connect to", async () => {
    await expect(loadWith("http://cache:6379")).rejects.toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    await expect(loadWith("redis://cache:6379/pages")).rejects.toThrow(/REDIS_URL's path may only be a database number/);
    await expect(loadWith("redis://:p%zz@cache:6379")).rejects.toThrow(/REDIS_URL's user or password/);
  });
});
