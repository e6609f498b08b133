import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ImageResponse } from "next/og";

export const OG_IMAGE_SIZE = { width: 1200, height: 630 };

// Inter from @fontsource, read at build time: next/og would otherwise download fonts, which fails offline.
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext", "vietnamese"];
const fontDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/@fontsource/inter/files");
const fonts = [400, 700].flatMap((weight) =>
  SUBSETS.map((subset) => ({
    name: "Inter",
    weight: weight as 400 | 700,
    style: "normal" as const,
    data: readFileSync(path.join(fontDir, `inter-${subset}-${weight}-normal.woff`)),
  })),
);

/**
 * Only what the bundled fonts can draw: any other glyph (emoji, scripts Inter lacks) would make
 * next/og fetch a font or emoji image from the network, and an offline build would fail.
 */
export function drawableText(text: string): string {
  return text
    .replace(/[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{Zs}.,:;!?'"“”‘’()[\]&%$€£¥@#*+\-–—/…·•]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A 1200×630 card for a story without a cover image: category, headline and site name. */
export function renderOgImage(card: { title: string; category?: string; siteName: string }): ImageResponse {
  const title = drawableText(card.title);
  const category = card.category && drawableText(card.category);
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "64px 72px",
          background: "linear-gradient(135deg, #0b1f3a 0%, #0b5cad 100%)",
          color: "#ffffff",
          fontFamily: "Inter",
        }}
      >
        <div style={{ display: "flex", fontSize: 30, fontWeight: 700, letterSpacing: 2, color: "#ffcf40" }}>
          {(category ?? "").toUpperCase()}
        </div>
        <div style={{ display: "flex", fontSize: title.length > 90 ? 52 : 64, fontWeight: 700, lineHeight: 1.15 }}>
          {title}
        </div>
        <div style={{ display: "flex", fontSize: 32, fontWeight: 400, opacity: 0.85 }}>{drawableText(card.siteName)}</div>
      </div>
    ),
    { ...OG_IMAGE_SIZE, fonts },
  );
}
