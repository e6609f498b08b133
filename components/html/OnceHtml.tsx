"use client";

import { createElement } from "react";
import { takeHtml } from "@/lib/html/ssr-handover";
import { writtenByServer } from "./written-by-server";

export type OnceHtmlElement = { as?: "div" | "ol" | "tbody" | "script"; className?: string; type?: "application/ld+json" };

/**
 * An element whose inner HTML the server wrote once (see lib/html/ssr-handover.ts): rendered on the server, it
 * takes the HTML handed over under `htmlKey`; in the browser, it reads it back from the page.
 */
export function OnceHtml({ htmlKey, as = "div", ...attributes }: OnceHtmlElement & { htmlKey: string }) {
  const html = typeof window === "undefined" ? takeHtml(htmlKey) : (writtenByServer(htmlKey) ?? "");
  return createElement(as, { ...attributes, "data-html-key": htmlKey, dangerouslySetInnerHTML: { __html: html }, suppressHydrationWarning: true });
}
