import PageCacheHandler from "./lib/cache/page-cache-handler.mjs";

/** Where Next.js looks for a page cache installed by the server it runs in (as hosting platforms install theirs). */
const INSTALLED_CACHES = Symbol.for("@next/cache-handlers");

/**
 * Installs the site's page cache once per server. Named in next.config instead, it would be imported anew for
 * every request (next.config.mjs says why it is named there for the build only).
 */
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const global = globalThis as { [INSTALLED_CACHES]?: Record<string, unknown> };
  global[INSTALLED_CACHES] = { ...global[INSTALLED_CACHES], FetchCache: PageCacheHandler };
}
