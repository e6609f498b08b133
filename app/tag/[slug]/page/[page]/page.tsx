import { ListingView } from "@/components/listing/ListingView";
import { listingMetadata, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ slug: string; page: string }> };

// Later pages are rendered on their first request, then cached like prerendered ones (see the README).
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return listingMetadata({ kind: "tag", slug }, page);
}

export default async function TagLaterPage({ params }: Props) {
  const { slug, page } = await params;
  return <ListingView data={loadListingPage({ kind: "tag", slug }, page)} />;
}
