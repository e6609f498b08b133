import { handOver } from "@/lib/html/hand-over";
import { OnceHtml } from "./OnceHtml";

type Props = { html: string; as?: "div" | "script"; className?: string; type?: string };

/**
 * `html` inside an element, written into the page's HTML once: the React payload names it by key rather than
 * carrying the text a second time (a story's body appeared twice in every article page before).
 */
export function ServerHtml({ html, ...element }: Props) {
  return <OnceHtml htmlKey={handOver(html)} {...element} />;
}
