import type { Metadata } from "next";
import { LinkButtonPage } from "@/components/newsletter/LinkButtonPage";
import { confirmNewsletter } from "@/lib/newsletter/actions";
import { tokenSchema } from "@/lib/newsletter/schema";
import { linkOutcomes } from "@/lib/newsletter/wording";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ConfirmPage({ searchParams }: Props) {
  const token = tokenSchema.safeParse((await searchParams).token);
  if (!token.success) return <LinkButtonPage title={linkOutcomes.expired.title} text={linkOutcomes.expired.text} />;
  return (
    <LinkButtonPage
      title="Confirm your subscription"
      text="One press of the button below, and the digests you chose start coming to your inbox."
      button={{ label: "Confirm my subscription", action: confirmNewsletter, token: token.data }}
    />
  );
}
