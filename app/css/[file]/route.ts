import { notFound } from "next/navigation";
import { SHEETS, sheetNamed, stylesheet } from "@/lib/style/stylesheet";

export const dynamic = "force-static";
export const dynamicParams = false;

export const generateStaticParams = () => SHEETS.map((name) => ({ file: `${name}.css` }));

/** A stylesheet. Pages link it with its content's hash in the address, so a browser may keep it for good. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const name = sheetNamed((await params).file.replace(/\.css$/, ""));
  if (!name) notFound();
  return new Response(stylesheet(name).css, {
    headers: { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=31536000, immutable" },
  });
}
