import { siteConfig } from "@/lib/config";
import { absoluteUrl } from "@/lib/seo/urls";
import { xmlDocument, xmlResponse } from "@/lib/seo/xml";

export const dynamic = "force-static";

/** Lets browsers add the site's search. */
export function GET() {
  const body = xmlDocument((root) => {
    const description = root.ele("http://a9.com/-/spec/opensearch/1.1/", "OpenSearchDescription");
    description.ele("ShortName").txt(siteConfig.name);
    description.ele("Description").txt(`Search ${siteConfig.name}`);
    description.ele("InputEncoding").txt("UTF-8");
    description.ele("Image").att({ width: "32", height: "32", type: "image/png" }).txt(absoluteUrl("/icon.png"));
    description.ele("Url").att({ type: "text/html", method: "get", template: `${absoluteUrl("/search")}?q={searchTerms}` });
  });
  return xmlResponse(body, "application/opensearchdescription+xml");
}
