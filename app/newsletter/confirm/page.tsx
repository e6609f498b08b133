import type { Metadata } from "next";
import { LinkButtonPage } from "@/components/newsletter/LinkButtonPage";
import { confirmNewsletter } from "@/lib/newsletter/actions";
import { linkPage } from "@/lib/pages/newsletter";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false } };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const page = await linkPage(searchParams, {
    title: "Confirm your subscription",
    text: "One press of the button below, and the digests you chose start coming to your inbox.",
    label: "Confirm my subscription",
    action: confirmNewsletter,
  });
  return <LinkButtonPage {...page} />;
}
