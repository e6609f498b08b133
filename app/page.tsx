import { ListingView } from "@/components/listing/ListingView";
import { JsonLd } from "@/components/seo/JsonLd";
import { homeJsonLd } from "@/lib/seo/json-ld";
import { listingMetadata, loadListingPage } from "@/lib/pages/listing";

export const metadata = listingMetadata({ kind: "home" });

export default function HomePage() {
  return (
    <>
      <JsonLd data={homeJsonLd()} />
      <ListingView data={loadListingPage({ kind: "home" })} leadStory />
    </>
  );
}
