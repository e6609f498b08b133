import { describe, expect, it } from "vitest";
import { clientAddress, createLocalRateLimiter } from "@/lib/rate-limit";

describe("createLocalRateLimiter", () => {
  const takes = (limiter: ReturnType<typeof createLocalRateLimiter>, key: string, times: number[]) => times.map((time) => limiter.take(key, time));

  it("allows `limit` attempts in a window and refuses the next", () => {
    const limiter = createLocalRateLimiter({ limit: 3, windowMs: 1_000 });
    expect(takes(limiter, "a", [0, 1, 2, 3, 999])).toEqual([true, true, true, false, false]);
  });

  it("slides: each attempt frees its slot one window after it was made", () => {
    const limiter = createLocalRateLimiter({ limit: 3, windowMs: 1_000 });
    expect(takes(limiter, "a", [0, 400, 800])).toEqual([true, true, true]);
    expect(takes(limiter, "a", [999, 1_000, 1_001, 1_399, 1_400, 1_800])).toEqual([false, true, false, false, true, true]);
    expect(takes(limiter, "a", [1_801, 5_000, 5_000, 5_000, 5_000])).toEqual([false, true, true, true, false]);
  });

  it("does not count refused attempts, so hammering does not prolong the wait", () => {
    const limiter = createLocalRateLimiter({ limit: 1, windowMs: 1_000 });
    expect(takes(limiter, "a", [0, 100, 500, 900, 999, 1_000])).toEqual([true, false, false, false, false, true]);
  });

  it("keeps keys apart, and limiters apart", () => {
    const limiter = createLocalRateLimiter({ limit: 1, windowMs: 1_000 });
    const other = createLocalRateLimiter({ limit: 1, windowMs: 1_000 });
    expect([limiter.take("a", 0), limiter.take("b", 0), limiter.take("a", 1), limiter.take("b", 1)]).toEqual([true, true, false, false]);
    expect(other.take("a", 1)).toBe(true);
  });

  it("forgets only expired keys when pruning a flood of addresses: an active key stays limited", () => {
    const limiter = createLocalRateLimiter({ limit: 2, windowMs: 60_000 });
    for (let i = 0; i < 10_000; i++) limiter.take(`flood-${i}`, 0);
    expect(takes(limiter, "busy", [30_000, 30_000, 30_000])).toEqual([true, true, false]);
    // Over 10,000 keys: this take prunes the flood, whose window has passed, but not "busy".
    expect(limiter.take("newcomer", 60_000)).toBe(true);
    expect(limiter.take("busy", 60_001)).toBe(false);
    expect(limiter.take("flood-0", 60_001)).toBe(true);
    expect(limiter.take("busy", 90_000)).toBe(true);
  });

  it("uses the clock when no time is given", () => {
    const limiter = createLocalRateLimiter({ limit: 1, windowMs: 60_000 });
    expect([limiter.take("a"), limiter.take("a")]).toEqual([true, false]);
  });
});

describe("clientAddress", () => {
  it("is the last X-Forwarded-For entry, the one the nearest proxy added", () => {
    expect(clientAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 198.51.100.2")).toBe("198.51.100.2");
    expect(clientAddress("spoofed-by-client,  198.51.100.2 ")).toBe("198.51.100.2");
    expect(clientAddress("2001:db8::1")).toBe("2001:db8::1");
  });

  it("is \"unknown\" without a usable header", () => {
    expect(clientAddress(null)).toBe("unknown");
    expect(clientAddress("")).toBe("unknown");
    expect(clientAddress("   ")).toBe("unknown");
  });
});
