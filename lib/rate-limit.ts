/**
 * A sliding-window limit per key (a client address), held in this process: enough to slow a
 * spammer or a password guesser, and it forgets everything on restart.
 */
export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }) {
  const hits = new Map<string, number[]>();
  return {
    /** Counts one attempt; false when the key has used up its window. */
    take(key: string, now = Date.now()): boolean {
      const recent = (hits.get(key) ?? []).filter((time) => now - time < windowMs);
      const allowed = recent.length < limit;
      if (allowed) recent.push(now);
      hits.set(key, recent);
      // Drop keys whose window has passed, so a flood of addresses cannot grow the map for ever.
      if (hits.size > 10_000) for (const [other, times] of hits) if (times.every((time) => now - time >= windowMs)) hits.delete(other);
      return allowed;
    },
  };
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next.js sets
 * the header from the socket when no proxy did).
 */
export function clientAddress(forwardedFor: string | null): string {
  return forwardedFor?.split(",").at(-1)?.trim() || "unknown";
}
