import "server-only";
import { cache } from "react";
import { siteDatabase } from "../database/db";
import { digestById, digestIdPattern } from "../newsletter/digests";
import { asOf, marketLines } from "../newsletter/email-html";

/** A digest's web page ("view in your browser"); the id is checked before the database is asked. */
export const loadDigestPage = cache(async (id: string) => {
  if (!digestIdPattern.test(id)) return undefined;
  const digest = await digestById(await siteDatabase(), id);
  if (!digest) return undefined;
  return { ...digest.content, sentAt: asOf(digest.createdAt), market: marketLines(digest.content.market) };
});
