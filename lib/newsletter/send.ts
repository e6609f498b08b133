import "server-only";
import type { SiteDatabase } from "../database/db";
import { digestById } from "./digests";
import { digestEmails } from "./emails";
import type { DeliveryStatus } from "./schema";
import { type Courier, createCourier } from "./smtp";
import { markBounced } from "./subscribers";
import { unsubscribeKey, unsubscribeToken } from "./tokens";

export type SendOptions = {
  /** SMTP connections used at once. */
  connections: number;
  /** Messages handed to the server per second, over all connections. */
  ratePerSecond: number;
  /** Transient failures in a row after which the send stops, to be run again later. */
  maxFailuresInARow?: number;
  newCourier?: () => Courier;
};

export type SendReport = {
  sent: number;
  refused: number;
  /** Still queued: the send stopped (the server down); running it again sends them. */
  left: number;
  /** Handed over without the server's answer (a run killed, a connection lost): never sent again, as it may have arrived. */
  unconfirmed: number;
  /** Unsubscribed or bounced since the digest was written down, or taken by another run. */
  skipped: number;
  stoppedBecause?: string;
};

/** Hands out moments at a steady rate, shared by all connections. */
function pacer(ratePerSecond: number) {
  const interval = 1000 / ratePerSecond;
  let next = performance.now();
  return async () => {
    const now = performance.now();
    const slot = Math.max(now, next);
    next = slot + interval;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}

/**
 * Delivers a prepared digest's queued copies. A copy is marked handed-over in the database before the
 * server can have it, and sent once the server says so; a copy handed over by a run that was killed is
 * never sent again. So a send stopped at any point (killed, the SMTP server down) and run again delivers
 * the rest, and no subscriber gets a digest twice.
 */
export async function sendDigest(db: SiteDatabase, digestId: string, options: SendOptions): Promise<SendReport> {
  const digest = await digestById(db, digestId);
  if (!digest) throw new Error(`no digest has the id ${digestId}`);
  const key = await unsubscribeKey(db);
  const rows = await db
    .selectFrom("newsletter_deliveries as delivery")
    .innerJoin("newsletter_subscribers as subscriber", "subscriber.id", "delivery.subscriber_id")
    .select(["delivery.subscriber_id as id", "delivery.status as delivery", "subscriber.email as email"])
    .where("delivery.digest_id", "=", digestId)
    .where("delivery.status", "in", ["queued", "handed-over"])
    .orderBy("delivery.subscriber_id")
    .execute();
  const report: SendReport = { sent: 0, refused: 0, left: 0, unconfirmed: 0, skipped: 0 };
  const list = digest.content.list;
  const mark = async (subscriberId: string, status: DeliveryStatus, error: string | null) => {
    await db
      .updateTable("newsletter_deliveries")
      .set({ status, error, updated_at: new Date().toISOString() })
      .where("digest_id", "=", digestId)
      .where("subscriber_id", "=", subscriberId)
      .execute();
  };
  /**
   * Takes a queued copy for this run, in one statement, while its subscriber is still confirmed on the list:
   * a copy another run took, or a reader who unsubscribed a moment ago, is never sent.
   */
  const claim = async (subscriberId: string) => {
    const claimed = await db
      .updateTable("newsletter_deliveries")
      .set((eb) => ({ status: "handed-over", attempts: eb("attempts", "+", 1), updated_at: new Date().toISOString() }))
      .where("digest_id", "=", digestId)
      .where("subscriber_id", "=", subscriberId)
      .where("status", "=", "queued")
      .where((eb) =>
        eb.exists(eb.selectFrom("newsletter_subscribers").select("id").where("id", "=", subscriberId).where("status", "=", "confirmed").where(list, "=", 1)),
      )
      .executeTakeFirst();
    return Number(claimed.numUpdatedRows) === 1;
  };

  const queue = rows.filter((row) => {
    if (row.delivery === "handed-over") report.unconfirmed++;
    return row.delivery === "queued";
  });

  const copyFor = digestEmails(digestId, digest.content);
  const pace = pacer(options.ratePerSecond);
  const maxFailures = options.maxFailuresInARow ?? 3;
  let failuresInARow = 0;
  let stop: string | undefined;

  const worker = async (courier: Courier) => {
    try {
      while (!stop) {
        const subscriber = queue.shift();
        if (!subscriber) break;
        await pace();
        const email = copyFor({ to: subscriber.email, subscriberId: subscriber.id, unsubscribeToken: unsubscribeToken(key, subscriber.id) });
        let claimed = true;
        const outcome = await courier.deliver(email, async () => {
          // Not claimed: the message is abandoned before its end, so the server never takes it.
          if (!(claimed = await claim(subscriber.id))) throw new Error("taken by another send, or unsubscribed");
        });
        if (!claimed) {
          report.skipped++;
          // Unsubscribed since the digest was written down: recorded, so no later run tries again.
          await db.updateTable("newsletter_deliveries").set({ status: "skipped", updated_at: new Date().toISOString() }).where("digest_id", "=", digestId).where("subscriber_id", "=", subscriber.id).where("status", "=", "queued").execute();
        } else if (outcome.status === "sent") {
          failuresInARow = 0;
          report.sent++;
          await mark(subscriber.id, "sent", null);
        } else if (outcome.status === "refused") {
          failuresInARow = 0;
          report.refused++;
          await mark(subscriber.id, "refused", outcome.reason);
          await markBounced(db, subscriber.id, outcome.reason);
        } else if (outcome.handedOver) {
          // The server had every byte but never answered: it may have the email, so it is not sent again.
          report.unconfirmed++;
          await mark(subscriber.id, "handed-over", outcome.reason);
        } else {
          await mark(subscriber.id, "queued", outcome.reason);
          queue.push(subscriber);
          failuresInARow++;
          if (outcome.fatal || failuresInARow >= maxFailures) stop = outcome.reason;
          // A moment for a server that hiccuped, before the next try.
          else await new Promise((resolve) => setTimeout(resolve, 500 * failuresInARow));
        }
      }
    } finally {
      courier.close();
    }
  };
  const newCourier = options.newCourier ?? createCourier;
  await Promise.all(Array.from({ length: Math.min(options.connections, Math.max(1, queue.length)) }, () => worker(newCourier())));

  report.left = queue.length;
  report.stoppedBecause = stop;
  if (report.left === 0) {
    await db.updateTable("newsletter_digests").set({ status: "sent", finished_at: new Date().toISOString() }).where("id", "=", digestId).execute();
  }
  return report;
}
