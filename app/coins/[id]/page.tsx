import { CoinView } from "@/components/coins/CoinView";
import { coinMetadata, loadCoinPage } from "@/lib/pages/coins";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  return coinMetadata((await params).id);
}

// Rendered per request (the range and the converter are in the address) from the market caches.
export default async function CoinPage({ params, searchParams }: Props) {
  return <CoinView {...await loadCoinPage((await params).id, await searchParams)} />;
}
