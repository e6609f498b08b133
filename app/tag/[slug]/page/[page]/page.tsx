import { ListingView } from "@/components/listing/ListingView";
import { laterPagesParams, listingMetadata, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ slug: string; page: string }> };

export const dynamicParams = false;
export const generateStaticParams = () => laterPagesParams("tag");

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return listingMetadata({ kind: "tag", slug }, page);
}

export default async function TagLaterPage({ params }: Props) {
  const { slug, page } = await params;
  return <ListingView data={loadListingPage({ kind: "tag", slug }, page)} />;
}
