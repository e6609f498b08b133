import { describe, expect, it, vi } from "vitest";
import { createRefreshingCache } from "@/lib/market/cache";
import { UpstreamError } from "@/lib/market/http";

function setup(load: () => Promise<number>) {
  let clock = 1_000_000;
  const log = vi.fn();
  const loader = vi.fn(load);
  const cache = createRefreshingCache({ name: "test", ttlMs: 30_000, load: loader, log, now: () => clock });
  return { cache, loader, log, advance: (ms: number) => (clock += ms) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createRefreshingCache", () => {
  it("serves the cached value for the TTL without calling the upstream again", async () => {
    const { cache, loader, advance } = setup(async () => 1);
    expect((await cache.get(100))?.value).toBe(1);
    advance(29_000);
    expect((await cache.get(100))?.value).toBe(1);
    expect(loader).toHaveBeenCalledOnce();
  });

  it("shares one refresh among any number of concurrent callers", async () => {
    let resolve!: (value: number) => void;
    const { cache, loader } = setup(() => new Promise((r) => (resolve = r)));
    const callers = Array.from({ length: 200 }, () => cache.get(1_000));
    resolve(7);
    const results = await Promise.all(callers);
    expect(results.every((result) => result?.value === 7)).toBe(true);
    expect(loader).toHaveBeenCalledOnce();
  });

  it("after the TTL serves the last value at once and refreshes once in the background", async () => {
    let value = 1;
    const { cache, loader, advance } = setup(async () => value);
    await cache.get(100);
    advance(31_000);
    value = 2;
    const stale = await Promise.all(Array.from({ length: 50 }, () => cache.get(100)));
    expect(stale.every((result) => result?.value === 1)).toBe(true);
    expect(cache.isFresh(stale[0]!)).toBe(false);
    await flush();
    expect(loader).toHaveBeenCalledTimes(2);
    expect((await cache.get(100))?.value).toBe(2);
  });

  it("asked with a refresh wait, past the TTL waits that long for the refresh, and no longer", async () => {
    let clock = 1_000_000;
    let answer = (value: number) => Promise.resolve(value);
    const cache = createRefreshingCache({ name: "test", ttlMs: 30_000, load: () => answer(1), log: vi.fn(), now: () => clock });
    await cache.get(100);
    clock += 31_000;
    answer = async () => 2;
    expect((await cache.get(100, 200))?.value).toBe(2);
    clock += 31_000;
    answer = () => new Promise((resolve) => setTimeout(() => resolve(3), 1_000));
    const started = performance.now();
    expect((await cache.get(100, 200))?.value).toBe(2);
    expect(performance.now() - started).toBeLessThan(900);
  });

  it("keeps serving the last good value, marked stale, when the upstream fails, and logs the reason once per try", async () => {
    let fail = false;
    const { cache, advance, log } = setup(async () => {
      if (fail) throw new UpstreamError("HTTP 503");
      return 5;
    });
    await cache.get(100);
    fail = true;
    advance(31_000);
    await Promise.all([cache.get(100), cache.get(100), cache.get(100)]);
    await flush();
    const served = await cache.get(100);
    expect(served?.value).toBe(5);
    expect(cache.isFresh(served!)).toBe(false);
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]?.[0]).toMatch(/test failed \(HTTP 503\); serving the last good data/);
  });

  it("honours Retry-After on a 429 and backs off further on repeated failures", async () => {
    const { cache, loader, advance } = setup(async () => {
      throw new UpstreamError("rate limited (HTTP 429)", 120_000);
    });
    expect(await cache.get(50)).toBeUndefined();
    await flush();
    advance(60_000);
    await cache.get(50);
    expect(loader).toHaveBeenCalledTimes(1); // still inside Retry-After
    advance(61_000);
    await cache.get(50);
    await flush();
    expect(loader).toHaveBeenCalledTimes(2);
    advance(121_000); // the third wait is at least 2 × TTL and at least Retry-After
    await cache.get(50);
    await flush();
    expect(loader).toHaveBeenCalledTimes(3);
  });

  it("backs off exponentially on plain failures", async () => {
    const { cache, loader, advance } = setup(async () => {
      throw new UpstreamError("HTTP 500");
    });
    const waits = [30_000, 60_000, 120_000];
    await cache.get(10);
    await flush();
    for (const wait of waits) {
      advance(wait - 1);
      await cache.get(10);
      await flush();
      const before = loader.mock.calls.length;
      advance(1);
      await cache.get(10);
      await flush();
      expect(loader.mock.calls.length).toBe(before + 1);
    }
  });

  it("does not make the first caller wait longer than asked when the upstream is slow", async () => {
    const { cache } = setup(() => new Promise((resolve) => setTimeout(() => resolve(9), 2_000)));
    const started = performance.now();
    expect(await cache.get(100)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
