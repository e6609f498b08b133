import type { SharedValue } from "../redis/shared-value";
import { UpstreamError } from "./http";

export type Cached<T> = { value: T; fetchedAt: number };

export type RefreshingCacheOptions<T> = {
  /** Named in log lines: "CoinGecko /global". */
  name: string;
  ttlMs: number;
  load: () => Promise<T>;
  log: (message: string) => void;
  now?: () => number;
  /** Repeated failures wait twice as long each time, up to this. */
  maxBackoffMs?: number;
  /** The value as all the servers share it (on Redis), with one refresh at a time among them. */
  shared?: SharedValue<Cached<T>>;
  /** Asked before each call: false (the upstream's budget is spent) serves what there is, without counting a failure. */
  mayCall?: () => Promise<boolean>;
};

const BUDGET_RETRY_MS = 1_000;
const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms));

/**
 * One upstream value kept fresh for a TTL. Once a value exists, past the TTL callers get the last good value while a
 * single refresh runs in the background (or wait for that refresh as long as they say, `refreshWaitMs`).
 * However many callers arrive at once, at most one load runs: in this server, and with `shared`, in all
 * the servers together. Failures keep the last good value and back off (honouring an upstream's
 * Retry-After) before the next try, with `shared` the whole fleet together.
 */
export function createRefreshingCache<T>(options: RefreshingCacheOptions<T>) {
  const now = options.now ?? Date.now;
  const maxBackoffMs = options.maxBackoffMs ?? 10 * 60_000;
  let last: Cached<T> | undefined;
  let inflight: Promise<Cached<T> | undefined> | undefined;
  let failures = 0;
  let retryAt = 0;

  async function load(): Promise<Cached<T> | undefined> {
    if (options.shared) {
      // Another server is refreshing, or the fleet is backing off: serve what there is.
      if (!(await options.shared.claim(options.ttlMs))) return undefined;
      // Or another server has just finished refreshing, between this one's look and its claim.
      const current = await latest(options.shared);
      if (current && isFresh(current)) {
        await options.shared.release();
        return current;
      }
    }
    if (options.mayCall && !(await options.mayCall())) {
      // Asked again a second later, not by every request in between.
      retryAt = now() + BUDGET_RETRY_MS;
      await options.shared?.release();
      return undefined;
    }
    try {
      last = { value: await options.load(), fetchedAt: now() };
      failures = 0;
      retryAt = 0;
      await options.shared?.write(last);
      await options.shared?.release();
      return last;
    } catch (error) {
      failures += 1;
      const backoff = Math.min(maxBackoffMs, options.ttlMs * 2 ** (failures - 1));
      const wait = Math.max(backoff, error instanceof UpstreamError ? (error.retryAfterMs ?? 0) : 0);
      retryAt = now() + wait;
      await options.shared?.holdOff(wait);
      const reason = error instanceof Error ? error.message : String(error);
      options.log(
        `${options.name} failed (${reason}); ${last ? "serving the last good data" : "no data yet"}, next try in ${Math.round(wait / 1000)} s`,
      );
      return undefined;
    }
  }

  function refresh(): Promise<Cached<T> | undefined> {
    if (inflight) return inflight;
    if (now() < retryAt) return Promise.resolve(undefined);
    inflight = load().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  const isFresh = (cached: Cached<T>) => now() - cached.fetchedAt < options.ttlMs;

  /** The newer of this server's value and the fleet's. */
  async function latest(shared: SharedValue<Cached<T>>): Promise<Cached<T> | undefined> {
    const found = await shared.read();
    if (found && (!last || found.fetchedAt > last.fetchedAt)) last = found;
    return last;
  }

  return {
    /**
     * The current value, or undefined if none has ever arrived. With nothing cached yet, waits up to
     * `waitMs` for the first load (which goes on in the background if slower); past the TTL, up to
     * `refreshWaitMs` for the refresh this call starts (or joins), in this server, then serves the last value.
     */
    async get(waitMs: number, refreshWaitMs = 0): Promise<Cached<T> | undefined> {
      if (last && isFresh(last)) return last;
      // Without Redis nothing here waits, so concurrent callers all join the one refresh.
      const current = options.shared ? await latest(options.shared) : last;
      if (current && isFresh(current)) return current;
      const pending = refresh();
      if (!current) return Promise.race([pending, delay(waitMs)]);
      if (refreshWaitMs <= 0) return current;
      return (await Promise.race([pending, delay(refreshWaitMs)])) ?? current;
    },
    /** What this server holds now, without refreshing it or asking the fleet. */
    peek: (): Cached<T> | undefined => last,
    isFresh,
  };
}

export type RefreshingCache<T> = ReturnType<typeof createRefreshingCache<T>>;
