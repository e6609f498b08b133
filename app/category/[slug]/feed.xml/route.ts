import { categoryFeedParams, categoryRssResponse } from "@/lib/pages/crawl";

export const dynamic = "force-static";
export const generateStaticParams = categoryFeedParams;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return categoryRssResponse((await params).slug);
}
