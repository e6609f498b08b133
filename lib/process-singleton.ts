/**
 * One instance per server process. Next.js bundles pages and route handlers separately, so a plain
 * module-level value can exist once per bundle; the market cache must not, or each copy would call
 * the upstream APIs on its own.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`hashline.${key}`);
  return (store[symbol] ??= create());
}
