import { type APIRequestContext, expect } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** SITE_URL's default: every absolute URL the end-to-end site writes starts with it. */
export const SITE = "http://localhost:3000";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["url", "item", "category", "sitemap"].includes(name),
});

/** A feed or sitemap, parsed, once it has answered 200 with the content type given and proved well-formed. */
export async function fetchXml(request: APIRequestContext, path: string, contentType: RegExp) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toMatch(contentType);
  const text = await response.text();
  expect(XMLValidator.validate(text), `${path} is not well-formed XML`).toBe(true);
  return { text, document: parser.parse(text) };
}
