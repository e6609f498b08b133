import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkButtonPage } from "@/components/newsletter/LinkButtonPage";
import { type LinkOutcome, linkOutcomes } from "@/lib/newsletter/wording";

type Props = { params: Promise<{ outcome: string }> };

export const dynamicParams = false;
export const generateStaticParams = () => Object.keys(linkOutcomes).map((outcome) => ({ outcome }));

const outcomeOf = (name: string) => (Object.hasOwn(linkOutcomes, name) ? linkOutcomes[name as LinkOutcome] : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: outcomeOf((await params).outcome)?.title, robots: { index: false, follow: false } };
}

export default async function OutcomePage({ params }: Props) {
  const outcome = outcomeOf((await params).outcome);
  if (!outcome) notFound();
  return <LinkButtonPage title={outcome.title} text={outcome.text} />;
}
