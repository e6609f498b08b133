import { ogImageResponse } from "@/lib/pages/og";

// Drawn on first request, then served from Next's cache like a static file: rendering an image for
// every story at build time would double the build's time for files only social networks fetch.
export const dynamic = "force-static";
export const dynamicParams = true;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return ogImageResponse((await params).file);
}
