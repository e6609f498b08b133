import "server-only";
import { createHash } from "node:crypto";
import { handover } from "./ssr-handover";

/**
 * The most HTML kept for the render that follows: entries are read within milliseconds of being written, and
 * a request for the React payload alone (no HTML render) leaves its entry behind, so the oldest go first.
 */
const HANDOVER_LIMIT_BYTES = 32 * 1024 * 1024;
let handedOverBytes = 0;

/** Hands `html` over to the HTML render of the page being rendered, and returns the key it is kept under. */
export function handOver(html: string): string {
  const key = createHash("sha256").update(html).digest("base64url");
  const kept = handover();
  if (kept.has(key)) {
    // Most recently used last, so that eviction takes the oldest.
    kept.delete(key);
  } else {
    handedOverBytes += html.length;
  }
  kept.set(key, html);
  for (const [oldest, text] of kept) {
    if (handedOverBytes <= HANDOVER_LIMIT_BYTES) break;
    kept.delete(oldest);
    handedOverBytes -= text.length;
  }
  return key;
}
