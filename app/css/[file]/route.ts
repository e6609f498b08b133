import { notFound } from "next/navigation";
import { SHEETS, sheetNamed, stylesheet } from "@/lib/style/stylesheet";

export const dynamic = "force-static";
export const dynamicParams = false;

export const generateStaticParams = () => SHEETS.map((name) => ({ file: `${name}.css` }));

/** A stylesheet as a file, for a page the browser draws without the server's HTML (components/html/InlineStylesheet.tsx). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const name = sheetNamed((await params).file.replace(/\.css$/, ""));
  if (!name) notFound();
  return new Response(stylesheet(name).css, { headers: { "content-type": "text/css; charset=utf-8" } });
}
