import { notFound } from "next/navigation";
import type { NextRequest } from "next/server";
import { sheetNamed, stylesheet } from "@/lib/style/stylesheet";

// Answered per request, to compare the version asked for with this server's (a file read once, then kept).
export const dynamic = "force-dynamic";

/**
 * A stylesheet. Pages link it with its version in the address, and under that version a browser or CDN may keep it
 * for good. Asked for another version (during a rolling deploy, a page of one build may reach a server of the other),
 * it answers its own sheet, to be checked again rather than kept under the other's address.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const name = sheetNamed((await params).file);
  if (!name) notFound();
  const sheet = stylesheet(name);
  const current = request.nextUrl.searchParams.get("v") === sheet.version;
  return new Response(sheet.css, {
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
