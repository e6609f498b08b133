import type { Metadata } from "next";
import { LinkButtonPage } from "@/components/newsletter/LinkButtonPage";
import { unsubscribeNewsletter } from "@/lib/newsletter/actions";
import { tokenSchema } from "@/lib/newsletter/schema";
import { linkOutcomes } from "@/lib/newsletter/wording";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const token = tokenSchema.safeParse((await searchParams).token);
  if (!token.success) return <LinkButtonPage title={linkOutcomes.expired.title} text={linkOutcomes.expired.text} />;
  return (
    <LinkButtonPage
      title="Unsubscribe from the newsletter"
      text="Press the button and no more newsletters will be sent to this address. No sign-in is needed."
      button={{ label: "Unsubscribe", action: unsubscribeNewsletter, token: token.data }}
    />
  );
}
