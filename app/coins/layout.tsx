import { marketStylesheet } from "@/lib/style/stylesheet";

/** The market pages, with their own styles, which React hoists into the page's head after the site's. */
export default function CoinsLayout({ children }: { children: React.ReactNode }) {
  const { css, href } = marketStylesheet();
  return (
    <>
      <style href={href} precedence="default">
        {css}
      </style>
      {children}
    </>
  );
}
