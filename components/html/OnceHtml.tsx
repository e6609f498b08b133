"use client";

import { takeHtml } from "@/lib/html/ssr-handover";

type Props = { htmlKey: string; as?: "div" | "script"; className?: string; type?: string };

/**
 * An element whose inner HTML the server wrote once (see lib/html/ssr-handover.ts). Rendered to HTML, it takes
 * the HTML handed over under `htmlKey`; in the browser there is nothing to take, and React leaves the inner
 * HTML the server wrote alone: it never rewrites dangerouslySetInnerHTML while hydrating, nor afterwards while
 * the value stays the same.
 */
export function OnceHtml({ htmlKey, as: Element = "div", ...attributes }: Props) {
  const html = typeof window === "undefined" ? takeHtml(htmlKey) : "";
  return <Element {...attributes} dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />;
}
