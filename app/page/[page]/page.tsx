import { ListingView } from "@/components/listing/ListingView";
import { listingMetadata, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ page: string }> };

// Later pages are rendered on their first request, then cached like prerendered ones (see the README).
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props) {
  return listingMetadata({ kind: "home" }, (await params).page);
}

export default async function HomeLaterPage({ params }: Props) {
  return <ListingView data={loadListingPage({ kind: "home" }, (await params).page)} />;
}
