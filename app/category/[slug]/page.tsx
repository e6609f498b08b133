import { ListingView } from "@/components/listing/ListingView";
import { listingMetadata, listingSlugParams, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = () => listingSlugParams("category");

export async function generateMetadata({ params }: Props) {
  return listingMetadata({ kind: "category", slug: (await params).slug });
}

export default async function CategoryPage({ params }: Props) {
  return <ListingView data={loadListingPage({ kind: "category", slug: (await params).slug })} />;
}
