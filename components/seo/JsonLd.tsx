import { ServerHtml } from "@/components/html/ServerHtml";
import { serializeJsonLd } from "@/lib/seo/json-ld";

/** Structured data for search engines, escaped so no value can break out of the script element. */
export function JsonLd({ data }: { data: Record<string, unknown> | Record<string, unknown>[] }) {
  return <ServerHtml as="script" type="application/ld+json" html={serializeJsonLd(data)} />;
}
