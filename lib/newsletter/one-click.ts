import "server-only";
import { siteDatabase } from "../database/db";
import { tokenSchema } from "./schema";
import { unsubscribe } from "./subscribers";
import { subscriberOfToken, unsubscribeKey } from "./tokens";

const answer = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** Unsubscribes the address a signed token names, at once; a broken token or a database fault is said in words. */
export async function oneClickUnsubscribe(token: string | null): Promise<Response> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return answer(400, "This unsubscribe link is not complete.");
  try {
    const db = await siteDatabase();
    const subscriberId = subscriberOfToken(await unsubscribeKey(db), parsed.data);
    if (!subscriberId) return answer(400, "This unsubscribe link is not valid.");
    await unsubscribe(db, subscriberId, "one-click (List-Unsubscribe-Post)");
    return answer(200, "You are unsubscribed: no more newsletters will be sent to this address.");
  } catch (error) {
    console.error(`[newsletter] a one-click unsubscribe could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    return answer(503, "The unsubscribe could not be saved just now. Please try again in a minute.");
  }
}
