import { ListingView } from "@/components/listing/ListingView";
import { listingMetadata, listingSlugParams, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = () => listingSlugParams("tag");

export async function generateMetadata({ params }: Props) {
  return listingMetadata({ kind: "tag", slug: (await params).slug });
}

export default async function TagPage({ params }: Props) {
  return <ListingView data={loadListingPage({ kind: "tag", slug: (await params).slug })} />;
}
