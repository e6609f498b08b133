import { handOverHtml } from "@/lib/html/hand-over";
import { type SheetName, stylesheet } from "@/lib/style/stylesheet";
import { InlineStylesheet } from "./InlineStylesheet";

/**
 * The stylesheets a page uses, beyond the site's own (which the layout renders): wherever a page renders them,
 * they go into its head after the site's, so that a page's rules win its ties.
 */
export function Stylesheets({ sheets, precedence = "page" }: { sheets: SheetName[]; precedence?: "site" | "page" }) {
  return sheets.map((name) => {
    const sheet = stylesheet(name);
    return <InlineStylesheet key={name} htmlKey={handOverHtml(sheet.css)} href={sheet.href} precedence={precedence} />;
  });
}
