import { MarketPage } from "@/components/coins/MarketPage";
import { loadMarketPage, marketMetadata } from "@/lib/pages/coins";

// The table's own TTL: CoinGecko refreshes it about once a minute.
export const revalidate = 60;

export function generateMetadata() {
  return marketMetadata();
}

export default async function CoinsPage() {
  return <MarketPage data={await loadMarketPage()} />;
}
