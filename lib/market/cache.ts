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
};

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms));

/**
 * One upstream value kept fresh for a TTL. Callers never wait on a refresh once a value exists:
 * past the TTL they get the last good value while a single refresh runs in the background.
 * However many callers arrive at once, at most one load runs. Failures keep the last good value
 * and back off (honouring an upstream's Retry-After) before the next try.
 */
export function createRefreshingCache<T>(options: RefreshingCacheOptions<T>) {
  const now = options.now ?? Date.now;
  const maxBackoffMs = options.maxBackoffMs ?? 10 * 60_000;
  let last: Cached<T> | undefined;
  let inflight: Promise<Cached<T> | undefined> | undefined;
  let failures = 0;
  let retryAt = 0;

  function refresh(): Promise<Cached<T> | undefined> {
    if (inflight) return inflight;
    if (now() < retryAt) return Promise.resolve(undefined);
    inflight = options
      .load()
      .then(
        (value) => {
          last = { value, fetchedAt: now() };
          failures = 0;
          retryAt = 0;
          return last;
        },
        (error: unknown) => {
          failures += 1;
          const backoff = Math.min(maxBackoffMs, options.ttlMs * 2 ** (failures - 1));
          const wait = Math.max(backoff, error instanceof UpstreamError ? (error.retryAfterMs ?? 0) : 0);
          retryAt = now() + wait;
          const reason = error instanceof Error ? error.message : String(error);
          options.log(
            `${options.name} failed (${reason}); ${last ? "serving the last good data" : "no data yet"}, next try in ${Math.round(wait / 1000)} s`,
          );
          return undefined;
        },
      )
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  return {
    /**
     * The current value, or undefined if none has ever arrived. With nothing cached yet, waits up to
     * `waitMs` for the first load (which goes on in the background if slower).
     */
    async get(waitMs: number): Promise<Cached<T> | undefined> {
      if (last && now() - last.fetchedAt < options.ttlMs) return last;
      const pending = refresh();
      if (last) return last;
      return Promise.race([pending, delay(waitMs)]);
    },
    isFresh: (cached: Cached<T>) => now() - cached.fetchedAt < options.ttlMs,
  };
}
