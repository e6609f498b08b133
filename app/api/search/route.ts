import { suggest } from "@/lib/pages/search";

const MAX_SUGGESTIONS = 8;

// Answers the search box as the reader types: public fields only, a few results, cacheable by a CDN.
export function GET(request: Request) {
  const query = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(
    { results: suggest(query, MAX_SUGGESTIONS) },
    { headers: { "Cache-Control": "public, max-age=60, s-maxage=300, stale-while-revalidate=3600" } },
  );
}
