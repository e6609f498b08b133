import "server-only";

/**
 * An upstream call that gave nothing usable; `retryAfterMs` when the upstream asked us to wait, `status` when
 * it answered with an HTTP error (a 404 for an unknown coin is an answer, not a fault).
 */
export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = "UpstreamError";
  }
}

/** CoinGecko's keyless limit resets within a minute; without a Retry-After, wait at least that. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
const MAX_BODY_BYTES = 2_000_000;

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** GET a JSON document with a timeout; every way it can fail becomes an UpstreamError with a reason. */
export async function fetchJson(url: string, init: { timeoutMs: number; headers?: Record<string, string> }) {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json", ...init.headers },
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    throw new UpstreamError(timedOut ? `no answer within ${init.timeoutMs} ms` : `request failed${cause}`);
  }
  if (response.status === 429) {
    await response.body?.cancel();
    const wait = parseRetryAfter(response.headers.get("retry-after")) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    throw new UpstreamError("rate limited (HTTP 429)", wait);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UpstreamError(`HTTP ${response.status}`, undefined, response.status);
  }
  const text = await response.text();
  if (text.length > MAX_BODY_BYTES) throw new UpstreamError("answer too large");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UpstreamError("answer is not JSON");
  }
}
