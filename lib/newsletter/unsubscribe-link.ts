import "server-only";
import { siteDatabase } from "../database/db";
import { tokenSchema } from "./schema";
import { unsubscribe } from "./subscribers";
import { subscriberOfToken, unsubscribeKey } from "./tokens";

/**
 * Unsubscribes, at once, the address an unsubscribe link names; false for a link the site did not sign.
 * A signed link whose address was since removed has nothing left to unsubscribe: that is done too.
 */
export async function unsubscribeByLink(token: unknown, source: string): Promise<boolean> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return false;
  const db = await siteDatabase();
  const subscriberId = subscriberOfToken(await unsubscribeKey(db), parsed.data);
  if (!subscriberId) return false;
  await unsubscribe(db, subscriberId, source);
  return true;
}

const answer = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** RFC 8058's one-click POST: answered in words, never with a redirect; a database fault is a 503 to try again. */
export async function oneClickUnsubscribe(token: string | null): Promise<Response> {
  try {
    if (!(await unsubscribeByLink(token, "one-click (List-Unsubscribe-Post)"))) return answer(400, "This unsubscribe link is not valid.");
    return answer(200, "You are unsubscribed: no more newsletters will be sent to this address.");
  } catch (error) {
    console.error(`[newsletter] a one-click unsubscribe could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    return answer(503, "The unsubscribe could not be saved just now. Please try again in a minute.");
  }
}
