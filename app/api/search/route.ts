import { suggest } from "@/lib/pages/search";

const MAX_SUGGESTIONS = 8;

// Answers the search box as the reader types: public fields only, a few results, cacheable by a CDN for
// half a minute, so a story published on the minute shows in suggestions within a minute.
export function GET(request: Request) {
  const query = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(
    { results: suggest(query, MAX_SUGGESTIONS) },
    { headers: { "Cache-Control": "public, max-age=30, s-maxage=30" } },
  );
}
