import type { Metadata } from "next";
import { connection } from "next/server";
import { ReplyView } from "@/components/comments/ReplyView";
import { loadReply } from "@/lib/pages/article";

type Props = { params: Promise<{ slug: string; id: string }> };

export const metadata: Metadata = { title: "Reply to a comment", robots: { index: false, follow: false } };

/** Where a reply link leads when JavaScript is off: the comment, and the form set to answer it. */
export default async function ReplyPage({ params }: Props) {
  // Rendered per request: whether the comment can be answered changes as moderators work.
  await connection();
  const { slug, id } = await params;
  return <ReplyView {...await loadReply(slug, id)} />;
}
