import { market, marketTtlSeconds } from "@/lib/market";

// Live data: answered per request from the in-process cache, never prerendered.
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await market.get(), {
    headers: {
      // A CDN in front absorbs readers: one request per TTL reaches the site, stale copies cover refreshes.
      "Cache-Control": `public, max-age=0, s-maxage=${marketTtlSeconds}, stale-while-revalidate=${marketTtlSeconds * 10}`,
    },
  });
}
