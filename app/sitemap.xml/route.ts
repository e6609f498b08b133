import { sitemapResponse } from "@/lib/pages/crawl";

export const dynamic = "force-static";
export const GET = sitemapResponse;
