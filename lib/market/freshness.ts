import type { Cached } from "./cache";
import type { MarketSource, PartStatus } from "./schema";

export type Sourced<T> = { value: T; status: PartStatus; fetchedAt: number };

/**
 * A cached value with where it came from and how old it is: "live" within its TTL, "cache" past it, and
 * the fallback (the bundled snapshot, as of `fallbackAt`) when nothing was ever fetched.
 */
export function sourced<T>(
  cached: Cached<T> | undefined,
  fallback: { value: T; at: number },
  isFresh: (entry: Cached<T>) => boolean,
  now: number,
): Sourced<T> {
  const fetchedAt = cached?.fetchedAt ?? fallback.at;
  const source: MarketSource = !cached ? "snapshot" : isFresh(cached) ? "live" : "cache";
  const status: PartStatus = {
    source,
    stale: source !== "live",
    updatedAt: new Date(fetchedAt).toISOString(),
    ageSeconds: Math.max(0, Math.floor((now - fetchedAt) / 1000)),
  };
  return { value: cached ? cached.value : fallback.value, status, fetchedAt };
}

/** A value that was fetched, with its freshness: no fallback is needed. */
export const sourcedEntry = <T>(entry: Cached<T>, isFresh: (entry: Cached<T>) => boolean, now: number): Sourced<T> =>
  sourced(entry, { value: entry.value, at: entry.fetchedAt }, isFresh, now);
