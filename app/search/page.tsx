import { SearchResults } from "@/components/search/SearchResults";
import { runSearch, searchMetadata } from "@/lib/pages/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  return searchMetadata(await searchParams);
}

export default async function SearchPage({ searchParams }: Props) {
  return <SearchResults view={runSearch(await searchParams)} />;
}
