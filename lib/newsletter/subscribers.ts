import "server-only";
import { randomBytes } from "node:crypto";
import type { SiteDatabase } from "../database/db";
import {
  type NewsletterList,
  type SubscriberBackup,
  type SubscriberRecord,
  type SubscriberStatus,
  consentEvents,
  emailKey,
  listsText,
  parseLists,
  subscriberStatuses,
} from "./schema";
import type { ConsentEventsTable, SubscriberRow } from "./tables";
import { hashToken, newSubscriberId, newToken, restoreUnsubscribeKey, unsubscribeKey } from "./tokens";
import { confirmationHours } from "./wording";


type Lists = { daily: boolean; weekly: boolean };
type Consent = { source: string; wording: string };

const consentEvent = (subscriberId: string, event: ConsentEventsTable["event"], lists: string, consent: Consent, at: string): ConsentEventsTable => ({
  id: randomBytes(12).toString("base64url"),
  subscriber_id: subscriberId,
  event,
  lists,
  source: consent.source,
  wording: consent.wording,
  at,
});

/**
 * A sign-up: records the request and, unless this address was sent a confirmation within the window
 * (or its mailbox refused mail for good), makes it a new confirmation token. The answer to the reader
 * is the same in every case; only the email differs.
 */
export async function requestSubscription(
  db: SiteDatabase,
  { email, lists, consent, windowMs, now = new Date() }: { email: string; lists: Lists; consent: Consent; windowMs: number; now?: Date },
): Promise<{ token: string; subscriberId: string } | undefined> {
  const at = now.toISOString();
  const token = newToken();
  const confirmation = {
    confirm_token_hash: hashToken(token),
    confirm_expires_at: new Date(now.getTime() + confirmationHours * 3600_000).toISOString(),
    confirm_lists: listsText(lists),
    last_confirmation_sent_at: at,
    updated_at: at,
  };
  const key = emailKey(email);
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  return db.transaction().execute(async (trx) => {
    // One statement decides whether this address gets an email, so two sign-ups at once cannot both send one.
    const renewed = await trx
      .updateTable("newsletter_subscribers")
      .set(confirmation)
      .where("email_key", "=", key)
      .where("status", "!=", "bounced")
      .where((eb) => eb.or([eb("last_confirmation_sent_at", "is", null), eb("last_confirmation_sent_at", "<=", windowStart)]))
      .returning("id")
      .executeTakeFirst();
    let sendTo = renewed?.id;
    if (!sendTo) {
      const id = newSubscriberId();
      const inserted = await trx
        .insertInto("newsletter_subscribers")
        .values({ id, email, email_key: key, status: "pending", daily: 0, weekly: 0, created_at: at, confirmed_at: null, unsubscribed_at: null, bounced_at: null, bounce_reason: null, ...confirmation })
        .onConflict((conflict) => conflict.column("email_key").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) sendTo = id;
    }
    // Asked again within the window, or a bounced address: no email, but the request is on record all the same.
    const subscriberId = sendTo ?? (await trx.selectFrom("newsletter_subscribers").select("id").where("email_key", "=", key).executeTakeFirstOrThrow()).id;
    await trx.insertInto("newsletter_consent_events").values(consentEvent(subscriberId, "requested", confirmation.confirm_lists, consent, at)).execute();
    return sendTo ? { token, subscriberId: sendTo } : undefined;
  });
}

/** Confirms a pending choice once: the token is spent in the same statement that checks it. */
export async function confirmSubscription(db: SiteDatabase, token: string, now = new Date()): Promise<Lists | undefined> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("newsletter_subscribers")
      .select(["id", "confirm_lists", "status"])
      .where("confirm_token_hash", "=", hashToken(token))
      .where("confirm_expires_at", ">", at)
      .executeTakeFirst();
    if (!row || row.status === "bounced") return undefined;
    const lists = parseLists(row.confirm_lists);
    const spent = await trx
      .updateTable("newsletter_subscribers")
      .set({
        status: "confirmed",
        daily: lists.daily ? 1 : 0,
        weekly: lists.weekly ? 1 : 0,
        confirmed_at: at,
        unsubscribed_at: null,
        confirm_token_hash: null,
        confirm_expires_at: null,
        confirm_lists: null,
        updated_at: at,
      })
      .where("id", "=", row.id)
      .where("confirm_token_hash", "=", hashToken(token))
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return undefined;
    await trx
      .insertInto("newsletter_consent_events")
      .values(consentEvent(row.id, "confirmed", listsText(lists), { source: "confirmation link", wording: "Confirmed by the link in the confirmation email." }, at))
      .execute();
    return lists;
  });
}

/** Withdraws consent for every list at once; a pending confirmation is cancelled with it. */
export async function unsubscribe(db: SiteDatabase, subscriberId: string, source: string, now = new Date()): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("newsletter_subscribers").select(["id", "status", "daily", "weekly"]).where("id", "=", subscriberId).executeTakeFirst();
    if (!row) return false;
    const cancelConfirmation = { confirm_token_hash: null, confirm_expires_at: null, confirm_lists: null, updated_at: at };
    // Unsubscribed already: a confirmation asked for since is cancelled all the same.
    if (row.status === "unsubscribed") {
      await trx.updateTable("newsletter_subscribers").set(cancelConfirmation).where("id", "=", subscriberId).execute();
      return true;
    }
    await trx
      .updateTable("newsletter_subscribers")
      .set({ ...cancelConfirmation, status: row.status === "bounced" ? "bounced" : "unsubscribed", daily: 0, weekly: 0, unsubscribed_at: at })
      .where("id", "=", subscriberId)
      .execute();
    const lists = listsText({ daily: row.daily === 1, weekly: row.weekly === 1 });
    await trx.insertInto("newsletter_consent_events").values(consentEvent(subscriberId, "unsubscribed", lists, { source, wording: "Unsubscribed from every list." }, at)).execute();
    return true;
  });
}

/** An address the mail server refused for good: nothing more is sent to it. */
export async function markBounced(db: SiteDatabase, subscriberId: string, reason: string, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("newsletter_subscribers")
      .set({ status: "bounced", bounced_at: at, bounce_reason: reason.slice(0, 500), daily: 0, weekly: 0, updated_at: at })
      .where("id", "=", subscriberId)
      .execute();
    await trx.insertInto("newsletter_consent_events").values(consentEvent(subscriberId, "bounced", "", { source: "mail server", wording: reason.slice(0, 1000) }, at)).execute();
  });
}

export async function subscriberById(db: SiteDatabase, id: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom("newsletter_subscribers").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function subscriberByEmail(db: SiteDatabase, email: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom("newsletter_subscribers").selectAll().where("email_key", "=", emailKey(email)).executeTakeFirst();
}

/** The confirmed subscribers of a list, in id order (a send snapshots them once). */
export async function confirmedSubscriberIds(db: SiteDatabase, list: NewsletterList): Promise<string[]> {
  const rows = await db.selectFrom("newsletter_subscribers").select("id").where("status", "=", "confirmed").where(list, "=", 1).orderBy("id").execute();
  return rows.map((row) => row.id);
}

export async function countsByStatus(db: SiteDatabase): Promise<Record<SubscriberStatus, number>> {
  const rows = await db.selectFrom("newsletter_subscribers").select(["status", (eb) => eb.fn.countAll<number>().as("count")]).groupBy("status").execute();
  const counts = Object.fromEntries(subscriberStatuses.map((status) => [status, 0])) as Record<SubscriberStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export async function listSubscribers(db: SiteDatabase, status?: SubscriberStatus): Promise<SubscriberRow[]> {
  let query = db.selectFrom("newsletter_subscribers").selectAll().orderBy("created_at").orderBy("id");
  if (status) query = query.where("status", "=", status);
  return query.execute();
}

/** Removes an address and everything kept about it (its record of consent, its deliveries). */
export async function removeSubscriber(db: SiteDatabase, email: string): Promise<boolean> {
  const result = await db.deleteFrom("newsletter_subscribers").where("email_key", "=", emailKey(email)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function exportSubscribers(db: SiteDatabase, now = new Date()): Promise<SubscriberBackup> {
  const rows = await listSubscribers(db);
  const events = await db.selectFrom("newsletter_consent_events").selectAll().execute();
  // In time order; events of one moment (a sign-up confirmed at once, in a test or an import) in the order they happen.
  events.sort((a, b) => a.at.localeCompare(b.at) || consentEvents.indexOf(a.event) - consentEvents.indexOf(b.event));
  const bySubscriber = new Map<string, typeof events>();
  for (const event of events) {
    const list = bySubscriber.get(event.subscriber_id) ?? [];
    list.push(event);
    bySubscriber.set(event.subscriber_id, list);
  }
  const subscribers = rows.map(
    (row): SubscriberRecord => ({
      id: row.id,
      email: row.email,
      status: row.status,
      daily: row.daily === 1,
      weekly: row.weekly === 1,
      createdAt: row.created_at,
      confirmedAt: row.confirmed_at,
      unsubscribedAt: row.unsubscribed_at,
      bouncedAt: row.bounced_at,
      bounceReason: row.bounce_reason,
      consent: (bySubscriber.get(row.id) ?? []).map(({ event, lists, source, wording, at }) => ({ event, lists, source, wording, at })),
    }),
  );
  return { version: 1, exportedAt: now.toISOString(), unsubscribeKey: (await unsubscribeKey(db)).toString("base64url"), subscribers };
}

const withdrawn = (status: SubscriberStatus) => status === "unsubscribed" || status === "bounced";

/**
 * Restores an export, all of it or nothing. An address new here comes with its id and unsubscribe key, so the
 * links in emails already sent keep working. An address already here takes the exported state, except that an
 * unsubscribe or bounce recorded here is never undone by an older backup; its record of consent gains the
 * exported events it lacks. Pending confirmations are not carried over (their tokens were never exported).
 */
export async function importSubscribers(db: SiteDatabase, backup: SubscriberBackup, now = new Date()): Promise<number> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await restoreUnsubscribeKey(trx, backup.unsubscribeKey);
    for (const record of backup.subscribers) {
      const existing = await trx.selectFrom("newsletter_subscribers").selectAll().where("email_key", "=", emailKey(record.email)).executeTakeFirst();
      const state = {
        status: record.status,
        daily: record.daily ? 1 : 0,
        weekly: record.weekly ? 1 : 0,
        confirmed_at: record.confirmedAt,
        unsubscribed_at: record.unsubscribedAt,
        bounced_at: record.bouncedAt,
        bounce_reason: record.bounceReason,
        updated_at: at,
      };
      let id: string;
      if (existing) {
        id = existing.id;
        if (!withdrawn(existing.status) || withdrawn(record.status)) {
          await trx.updateTable("newsletter_subscribers").set(state).where("id", "=", id).execute();
        }
      } else {
        const taken = await trx.selectFrom("newsletter_subscribers").select("id").where("id", "=", record.id).executeTakeFirst();
        id = taken ? newSubscriberId() : record.id;
        await trx
          .insertInto("newsletter_subscribers")
          .values({ id, email: record.email, email_key: emailKey(record.email), created_at: record.createdAt, confirm_token_hash: null, confirm_expires_at: null, confirm_lists: null, last_confirmation_sent_at: null, ...state })
          .execute();
      }
      const known = await trx.selectFrom("newsletter_consent_events").select(["event", "at", "source"]).where("subscriber_id", "=", id).execute();
      const seen = new Set(known.map((event) => `${event.event}|${event.at}|${event.source}`));
      for (const event of record.consent) {
        if (!seen.has(`${event.event}|${event.at}|${event.source}`)) {
          await trx.insertInto("newsletter_consent_events").values(consentEvent(id, event.event, event.lists, event, event.at)).execute();
        }
      }
    }
  });
  return backup.subscribers.length;
}
