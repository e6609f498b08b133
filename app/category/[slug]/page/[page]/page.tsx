import { ListingView } from "@/components/listing/ListingView";
import { laterPagesParams, listingMetadata, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ slug: string; page: string }> };

export const dynamicParams = false;
export const generateStaticParams = () => laterPagesParams("category");

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return listingMetadata({ kind: "category", slug }, page);
}

export default async function CategoryLaterPage({ params }: Props) {
  const { slug, page } = await params;
  return <ListingView data={loadListingPage({ kind: "category", slug }, page)} />;
}
