import { AuthorBio } from "@/components/article/AuthorBio";
import { ListingView } from "@/components/listing/ListingView";
import { listingMetadata, listingSlugParams, loadListingPage } from "@/lib/pages/listing";

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = () => listingSlugParams("author");

export async function generateMetadata({ params }: Props) {
  return listingMetadata({ kind: "author", slug: (await params).slug });
}

export default async function AuthorPage({ params }: Props) {
  const data = loadListingPage({ kind: "author", slug: (await params).slug });
  return <ListingView data={data} intro={data.listing.author && <AuthorBio author={data.listing.author} />} />;
}
