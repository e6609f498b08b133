import "server-only";
import { cache } from "react";
import { siteDatabase } from "../database/db";
import { digestById, digestIdPattern } from "../newsletter/digests";
import { asOf, marketLines } from "../newsletter/email-html";
import { tokenSchema } from "../newsletter/schema";
import { linkOutcomes } from "../newsletter/wording";

/** A digest's web page ("view in your browser"); the id is checked before the database is asked. */
export const loadDigestPage = cache(async (id: string) => {
  if (!digestIdPattern.test(id)) return undefined;
  const digest = await digestById(await siteDatabase(), id);
  if (!digest) return undefined;
  return { ...digest.content, sentAt: asOf(digest.createdAt), market: marketLines(digest.content.market) };
});

type LinkSearchParams = Promise<{ token?: string | string[] }>;

/**
 * The page an email's link opens: its button acts on the link's token, checked before anything else; a
 * link that is not whole says so, with no button.
 */
export async function linkPage(searchParams: LinkSearchParams, page: { title: string; text: string; label: string; action: (form: FormData) => Promise<void> }) {
  const token = tokenSchema.safeParse((await searchParams).token);
  if (!token.success) return { title: linkOutcomes.expired.title, text: linkOutcomes.expired.text };
  return { title: page.title, text: page.text, button: { label: page.label, action: page.action, token: token.data } };
}
