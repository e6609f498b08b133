import { ListingView } from "@/components/listing/ListingView";
import { listingMetadata, loadListingPage } from "@/lib/pages/listing";

export const metadata = listingMetadata({ kind: "home" });

export default function HomePage() {
  return <ListingView data={loadListingPage({ kind: "home" })} leadStory />;
}
