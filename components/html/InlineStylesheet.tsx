"use client";

import { OnceHtml } from "./OnceHtml";
import { writtenByServer } from "./written-by-server";

/**
 * The site's stylesheet, written into the head once. A page the browser draws without the server's HTML
 * (Next.js answers notFound() with an empty shell) has no <style> to read back, so it links the same
 * stylesheet as a file instead, which React holds the page back for (precedence), so nothing shows unstyled.
 */
export function InlineStylesheet({ htmlKey, href }: { htmlKey: string; href: string }) {
  if (typeof window !== "undefined" && writtenByServer(htmlKey) === undefined) return <link rel="stylesheet" href={href} precedence="default" />;
  return <OnceHtml as="style" htmlKey={htmlKey} />;
}
