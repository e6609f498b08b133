import type { Metadata } from "next";
import { LinkButtonPage } from "@/components/newsletter/LinkButtonPage";
import { unsubscribeNewsletter } from "@/lib/newsletter/actions";
import { linkPage } from "@/lib/pages/newsletter";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const page = await linkPage(searchParams, {
    title: "Unsubscribe from the newsletter",
    text: "Press the button and no more newsletters will be sent to this address. No sign-in is needed.",
    label: "Unsubscribe",
    action: unsubscribeNewsletter,
  });
  return <LinkButtonPage {...page} />;
}
