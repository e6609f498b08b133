import { type SheetName, stylesheet } from "@/lib/style/stylesheet";

/**
 * Stylesheets, linked as files. React writes each into the head once, ordered by `precedence` (the layout's site
 * sheet before a page's own, so that a page's rules win its ties), and holds the page back until they have
 * loaded, so nothing shows unstyled.
 */
export function Stylesheets({ sheets, precedence = "page" }: { sheets: SheetName[]; precedence?: "site" | "page" }) {
  return sheets.map((name) => <link key={name} rel="stylesheet" href={stylesheet(name).href} precedence={precedence} />);
}
