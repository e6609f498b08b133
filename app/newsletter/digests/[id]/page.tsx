import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DigestView } from "@/components/newsletter/DigestView";
import { loadDigestPage } from "@/lib/pages/newsletter";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  return { title: (await loadDigestPage((await params).id))?.subject, robots: { index: false, follow: true } };
}

export default async function DigestPage({ params }: Props) {
  // Read from the database for each request: digests are sent after the build.
  await connection();
  const digest = await loadDigestPage((await params).id);
  if (!digest) notFound();
  return <DigestView {...digest} />;
}
