import { ListingView } from "@/components/listing/ListingView";
import { laterPagesParams, listingMetadata, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ page: string }> };

export const dynamicParams = false;
export const generateStaticParams = () => laterPagesParams("home");

export async function generateMetadata({ params }: Props) {
  return listingMetadata({ kind: "home" }, (await params).page);
}

export default async function HomeLaterPage({ params }: Props) {
  return <ListingView data={loadListingPage({ kind: "home" }, (await params).page)} />;
}
