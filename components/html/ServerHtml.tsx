import { handOverHtml } from "@/lib/html/hand-over";
import { OnceHtml, type OnceHtmlElement } from "./OnceHtml";

/**
 * `html` inside an element, written into the page's HTML once: the React payload names it by key rather than
 * carrying the text a second time (a story's body and its comments appeared twice before).
 */
export function ServerHtml({ html, ...element }: OnceHtmlElement & { html: string }) {
  return <OnceHtml htmlKey={handOverHtml(html)} {...element} />;
}
