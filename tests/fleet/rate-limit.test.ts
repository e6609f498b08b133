import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requireServer } from "../support/require-server";
import { startRedis } from "../support/redis";

// Two servers of one site are two limiters with one name: each keeps its own in-process state, and only
// Redis can make them count together.
const redis = await startRedis();
const hasRedis = requireServer("Redis", redis);

describe.runIf(hasRedis)("rate limits on Redis, across servers", () => {
  let createRateLimiter: typeof import("@/lib/rate-limit").createRateLimiter;
  const logged: string[] = [];

  beforeAll(async () => {
    vi.stubEnv("REDIS_URL", redis.url!);
    vi.spyOn(console, "error").mockImplementation((message: string) => void logged.push(String(message)));
    ({ createRateLimiter } = await import("@/lib/rate-limit"));
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await redis.stop();
  });

  const fleet = (name: string, limit: number) => [0, 1].map(() => createRateLimiter(name, { limit, windowMs: 60_000 }));

  // The first attempts, made while the connection is still being opened, count with the others too.
  it("takes exactly the limit from one address, whichever server each attempt reaches", async () => {
    const servers = fleet("fleet-comments", 5);
    const answers: boolean[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) answers.push(await servers[attempt % 2]!.take("203.0.113.7"));
    expect(answers.filter(Boolean)).toHaveLength(5);
    expect(answers.slice(5)).toEqual([false, false, false]);
    // Another address has its own count.
    expect(await servers[1]!.take("203.0.113.8")).toBe(true);
  });

  it("answers at once from a server's own count while Redis hangs", async () => {
    const [server] = fleet("fleet-hang", 1);
    redis.freeze(true);
    try {
      expect(await server!.take("192.0.2.9")).toBe(true);
      expect(await server!.take("192.0.2.9")).toBe(false);
    } finally {
      redis.freeze(false);
    }
  });

  it("limits each server on its own while Redis is down, logs that once, and shares again once it is back", async () => {
    const servers = fleet("fleet-outage", 2);
    await redis.stop();
    const whileDown: boolean[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) whileDown.push(await servers[attempt % 2]!.take("198.51.100.1"));
    // Each server's own window: two each.
    expect(whileDown.filter(Boolean)).toHaveLength(4);
    expect(logged.filter((line) => line.includes("unreachable"))).toHaveLength(1);

    await redis.start();
    await vi.waitFor(() => expect(logged.some((line) => line.includes("reachable again"))).toBe(true), { timeout: 10_000 });
    const shared: boolean[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) shared.push(await servers[attempt % 2]!.take("198.51.100.2"));
    expect(shared).toEqual([true, true, false, false]);
  });
});
