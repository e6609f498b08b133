import { sitemapPartParams, sitemapPartResponse } from "@/lib/pages/crawl";

export const dynamic = "force-static";
export const generateStaticParams = sitemapPartParams;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return sitemapPartResponse((await params).file);
}
