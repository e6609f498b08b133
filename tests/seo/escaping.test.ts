import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "@/lib/seo/json-ld";
import { drawableText } from "@/lib/seo/og-image";
import { xmlDocument, xmlText } from "@/lib/seo/xml";

const hostile = `</script><!-- "q" & 'a' <b> ]]> \u2028 🚀 مرحبا`;

describe("serializeJsonLd", () => {
  it("never lets a value close the script element, and parses back to the same text", () => {
    const out = serializeJsonLd({ headline: hostile });
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual({ headline: hostile });
  });
});

describe("XML text", () => {
  it("drops characters XML 1.0 cannot hold and keeps the rest", () => {
    expect(xmlText("a\u0000b\u0007c\u000Bd\tok\n")).toBe("abcd\tok\n");
    expect(xmlText("lone \uD800 surrogate, pair 🚀")).toBe("lone  surrogate, pair 🚀");
  });

  it("escapes hostile text into a well-formed document that reads back intact", () => {
    const text = xmlDocument((root) => root.ele("item").ele("title").txt(xmlText(`${hostile}\u0001`)));
    expect(XMLValidator.validate(text)).toBe(true);
    expect(new XMLParser().parse(text).item.title).toBe(hostile.trim());
  });
});

describe("drawableText (generated social images)", () => {
  it("keeps Latin, Greek and Cyrillic text and punctuation, and drops emoji and scripts the font lacks", () => {
    expect(drawableText('Bitcoin "ETF" flows & Türkiye — Ελλάδα, Россия: 50%!')).toBe('Bitcoin "ETF" flows & Türkiye — Ελλάδα, Россия: 50%!');
    expect(drawableText("Moon 🚀🚀 مرحبا 比特币 soon")).toBe("Moon soon");
    expect(drawableText("🚀")).toBe("");
  });
});
