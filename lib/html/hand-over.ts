import "server-only";
import { createHash } from "node:crypto";
import { htmlHandoverStore } from "./ssr-handover";

/**
 * The most HTML kept, in characters. Entries are read within milliseconds of being written, but a request for
 * the React payload alone (no HTML render) leaves its entry behind, so the oldest go first.
 */
const HANDOVER_LIMIT_CHARS = 16 * 1024 * 1024;
/** No entry is evicted this young, however much is handed over meanwhile: its page may still be rendering. */
const HANDOVER_KEEP_MS = 60_000;

/** Hands `html` over to the HTML render of the page being rendered, and returns the key it is kept under. */
export function handOverHtml(html: string): string {
  const key = createHash("sha256").update(html).digest("base64url");
  const store = htmlHandoverStore();
  const now = performance.now();
  if (store.entries.has(key)) {
    // Most recently handed over last, so that eviction takes the oldest.
    store.entries.delete(key);
  } else {
    store.chars += html.length;
  }
  store.entries.set(key, { html, handedOverAt: now });
  for (const [oldest, entry] of store.entries) {
    if (store.chars <= HANDOVER_LIMIT_CHARS || now - entry.handedOverAt < HANDOVER_KEEP_MS) break;
    store.entries.delete(oldest);
    store.chars -= entry.html.length;
  }
  return key;
}
