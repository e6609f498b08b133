import { ogImageParams, ogImageResponse } from "@/lib/pages/og";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = ogImageParams;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return ogImageResponse((await params).file);
}
