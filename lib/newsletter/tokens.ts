import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SiteDatabase } from "../database/db";

/** A confirmation link's secret: 256 random bits, in the email only; the database keeps its hash. */
export const newToken = () => randomBytes(32).toString("base64url");

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Random, 20 characters: part of every unsubscribe link, so it reveals nothing and cannot be guessed. */
export const newSubscriberId = () => randomBytes(15).toString("base64url");

const KEY_NAME = "unsubscribe-key";

const signature = (secret: Buffer, subscriberId: string) => createHmac("sha256", secret).update(`unsubscribe:${subscriberId}`).digest();

/**
 * The key that signs unsubscribe links, made once and kept in the database, so every server and
 * command signs alike with nothing to configure. Each link must keep working for as long as the
 * emails that carry it are read, so links are signed rather than stored.
 */
export async function unsubscribeKey(db: SiteDatabase): Promise<Buffer> {
  const read = () => db.selectFrom("newsletter_settings").select("value").where("key", "=", KEY_NAME).executeTakeFirst();
  let row = await read();
  if (!row) {
    // Made by whichever process needs it first; the others read that one.
    await db.insertInto("newsletter_settings").values({ key: KEY_NAME, value: randomBytes(32).toString("base64url") }).onConflict((conflict) => conflict.column("key").doNothing()).execute();
    row = await read();
  }
  return Buffer.from(row!.value, "base64url");
}

/** Puts an exported key in place, so the links in emails sent from the exporting database keep working here. */
export async function restoreUnsubscribeKey(db: SiteDatabase, key: string): Promise<void> {
  await db.insertInto("newsletter_settings").values({ key: KEY_NAME, value: key }).onConflict((conflict) => conflict.column("key").doUpdateSet({ value: key })).execute();
}

export const unsubscribeToken = (key: Buffer, subscriberId: string) => `${subscriberId}.${signature(key, subscriberId).toString("base64url")}`;

/** The subscriber an unsubscribe token names, if the site signed it. */
export function subscriberOfToken(key: Buffer, token: string): string | undefined {
  const [subscriberId = "", signed = ""] = token.split(".");
  const given = Buffer.from(signed, "base64url");
  const expected = signature(key, subscriberId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? subscriberId : undefined;
}
