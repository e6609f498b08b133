/**
 * For tests that need a real server (PostgreSQL today; Redis, nginx, an SMTP server later), given
 * what starting it answered: `{ reason }` when there is none, and no reason when there is.
 *
 * A green CI run must mean every test ran, so in CI a missing server throws, which fails the test
 * file (at collection, in Vitest) or the test (in Playwright). Elsewhere a developer without the
 * server may still run the rest: it warns loudly and answers false, for the caller to skip.
 */
export function requireServer(name: string, server: { reason?: string | undefined }): boolean {
  if (server.reason === undefined) return true;
  if (runningInCi()) {
    throw new Error(`${name} is needed by these tests and could not be had, and CI must run every test: ${server.reason}`);
  }
  const line = "!".repeat(100);
  console.warn(`\n${line}\n!!! SKIPPING THE TESTS THAT NEED ${name.toUpperCase()} (they fail in CI): ${server.reason}\n${line}\n`);
  return false;
}

/** CI services set CI (.ci/run sets CI=true); "false" and "0" mean not CI, as most tools read it. */
export function runningInCi(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return Boolean(value) && value !== "false" && value !== "0";
}
