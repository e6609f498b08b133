"use client";

import { createElement } from "react";
import { takeHtml } from "@/lib/html/ssr-handover";

export type OnceHtmlElement = { as?: "div" | "ol" | "script"; className?: string; type?: "application/ld+json" };

/** What the server wrote under each key, as found in this page's DOM the first time it was needed. */
const written = new Map<string, string>();

/**
 * In the browser, the HTML the server wrote under `key`. While hydrating, React leaves an element's inner HTML
 * alone whatever it is told; but should React ever draw the element again from scratch (after a hydration
 * mismatch elsewhere, say), the server's element is still in the document at that moment: its HTML is read
 * from there, so the text never goes missing.
 */
function writtenByServer(key: string): string {
  const html = written.get(key) ?? document.querySelector(`[data-html-key="${CSS.escape(key)}"]`)?.innerHTML;
  if (html === undefined) return "";
  written.set(key, html);
  return html;
}

/**
 * An element whose inner HTML the server wrote once (see lib/html/ssr-handover.ts): rendered on the server, it
 * takes the HTML handed over under `htmlKey`; in the browser, it reads it back from the page.
 */
export function OnceHtml({ htmlKey, as = "div", ...attributes }: OnceHtmlElement & { htmlKey: string }) {
  const html = typeof window === "undefined" ? takeHtml(htmlKey) : writtenByServer(htmlKey);
  return createElement(as, { ...attributes, "data-html-key": htmlKey, dangerouslySetInnerHTML: { __html: html }, suppressHydrationWarning: true });
}
