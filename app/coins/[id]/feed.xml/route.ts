import { coinFeedParams, coinRssResponse } from "@/lib/pages/coins";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = coinFeedParams;

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return coinRssResponse((await params).id);
}
