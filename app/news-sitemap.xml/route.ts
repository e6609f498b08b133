import { newsSitemapResponse } from "@/lib/pages/crawl";

// Built with the site, then regenerated hourly so its 48-hour window stays true between deploys.
export const revalidate = 3600;
export const GET = newsSitemapResponse;
