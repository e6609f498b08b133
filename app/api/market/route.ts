import { market, marketRefreshWaitMs, marketTtlSeconds } from "@/lib/market";

// Live data: answered per request from the in-process cache, never prerendered.
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await market.get({ refreshWaitMs: marketRefreshWaitMs }), {
    headers: {
      // A CDN in front absorbs readers: one request per TTL reaches the site. Browsers keep nothing (max-age=0,
      // and no stale-while-revalidate, which a browser would also honour: it would answer a refresh with figures
      // minutes old, labelled as they were when fresh). Serving stale while refreshing is for CDNs alone (RFC 9213).
      "Cache-Control": `public, max-age=0, s-maxage=${marketTtlSeconds}`,
      "CDN-Cache-Control": `public, s-maxage=${marketTtlSeconds}, stale-while-revalidate=${marketTtlSeconds * 10}`,
    },
  });
}
