import { rssResponse } from "@/lib/pages/crawl";

export const dynamic = "force-static";
export const GET = rssResponse;
