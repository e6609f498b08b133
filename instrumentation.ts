/** Where Next.js looks for a page cache installed by the server it runs in (as hosting platforms install theirs). */
const INSTALLED_CACHES = Symbol.for("@next/cache-handlers");

/**
 * Installs the site's page cache once per server. Named in next.config instead, Next.js would call import() on
 * it for every request (next.config.mjs says why it is named there for the build only).
 */
export async function register() {
  // Inside the condition, so that the Edge runtime's build (which this site does not use) leaves the handler out.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { default: PageCacheHandler } = await import("./lib/cache/page-cache-handler.mjs");
    const global = globalThis as { [INSTALLED_CACHES]?: Record<string, unknown> };
    global[INSTALLED_CACHES] = { ...global[INSTALLED_CACHES], FetchCache: PageCacheHandler };
  }
}
