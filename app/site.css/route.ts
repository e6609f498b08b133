import { siteStylesheet } from "@/lib/style/stylesheet";

export const dynamic = "force-static";

export function GET() {
  return new Response(siteStylesheet().css, { headers: { "content-type": "text/css; charset=utf-8" } });
}
