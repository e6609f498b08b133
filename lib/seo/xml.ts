import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";

/** XML 1.0 forbids most control characters, and lone surrogates; any frontmatter text loses them here. */
export function xmlText(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

/** A UTF-8 XML document built by xmlbuilder2, which escapes every text and attribute value. */
export function xmlDocument(build: (root: XMLBuilder) => void): string {
  const document = create({ version: "1.0", encoding: "UTF-8" });
  build(document);
  return document.end({ prettyPrint: true });
}

export function xmlResponse(body: string, contentType = "application/xml"): Response {
  return new Response(body, { headers: { "Content-Type": `${contentType}; charset=utf-8` } });
}
