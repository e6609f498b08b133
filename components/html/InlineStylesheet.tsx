"use client";

import { takeHtml } from "@/lib/html/ssr-handover";

type Props = { htmlKey: string; href: string; precedence: string };

/**
 * A stylesheet written into the page's head once, by React, which orders the sheets by `precedence` (the site's
 * before a page's own, whatever the order the page renders them in) and writes each once however often it is
 * rendered. The React payload names it by key rather than carrying the CSS again. In the browser React finds the
 * server's <style> by `href` and keeps it. A page the browser draws without the server's HTML (Next.js answers
 * notFound() with an empty shell) has no such <style>, so it links the same stylesheet as a file instead, which
 * React holds the page back for, so nothing shows unstyled.
 */
export function InlineStylesheet({ htmlKey, href, precedence }: Props) {
  if (typeof window === "undefined") {
    return (
      <style href={href} precedence={precedence}>
        {takeHtml(htmlKey)}
      </style>
    );
  }
  if (writtenByServer(href)) {
    return (
      <style href={href} precedence={precedence}>
        {""}
      </style>
    );
  }
  return <link rel="stylesheet" href={href} precedence={precedence} />;
}

/** React marks the <style> elements it writes with the addresses of the sheets in them. */
const writtenByServer = (href: string) => document.querySelector(`style[data-href~="${CSS.escape(href)}"]`) !== null;
