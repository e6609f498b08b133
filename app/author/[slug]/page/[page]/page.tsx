import { ListingView } from "@/components/listing/ListingView";
import { laterPagesParams, listingMetadata, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ slug: string; page: string }> };

export const dynamicParams = false;
export const generateStaticParams = () => laterPagesParams("author");

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return listingMetadata({ kind: "author", slug }, page);
}

export default async function AuthorLaterPage({ params }: Props) {
  const { slug, page } = await params;
  return <ListingView data={loadListingPage({ kind: "author", slug }, page)} />;
}
