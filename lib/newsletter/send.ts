import "server-only";
import type { SiteDatabase } from "../database/db";
import { digestById } from "./digests";
import { digestEmail } from "./emails";
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
  /** Handed over in an earlier, interrupted run without the server's answer: never sent again, as it may have arrived. */
  unconfirmed: number;
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
    .select(["delivery.subscriber_id as id", "delivery.status as delivery", "delivery.attempts as attempts", "subscriber.email as email", "subscriber.status as status", `subscriber.${digest.content.list} as listed`])
    .where("delivery.digest_id", "=", digestId)
    .where("delivery.status", "in", ["queued", "handed-over"])
    .orderBy("delivery.subscriber_id")
    .execute();
  const report: SendReport = { sent: 0, refused: 0, left: 0, unconfirmed: 0, skipped: 0 };
  const mark = async (subscriberId: string, status: DeliveryStatus, extra: { error?: string | null; attempted?: boolean } = {}) => {
    await db
      .updateTable("newsletter_deliveries")
      .set((eb) => ({
        status,
        updated_at: new Date().toISOString(),
        ...(extra.error !== undefined ? { error: extra.error } : {}),
        ...(extra.attempted ? { attempts: eb("attempts", "+", 1) } : {}),
      }))
      .where("digest_id", "=", digestId)
      .where("subscriber_id", "=", subscriberId)
      .execute();
  };

  const queue: typeof rows = [];
  for (const row of rows) {
    if (row.delivery === "handed-over") report.unconfirmed++;
    // Unsubscribed or refused since the digest was prepared: their wish wins over the snapshot of recipients.
    else if (row.status !== "confirmed" || row.listed !== 1) {
      await mark(row.id, "refused", { error: "no longer subscribed when sent" });
      report.skipped++;
    } else queue.push(row);
  }

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
        const email = digestEmail({ to: subscriber.email, digestId, subscriberId: subscriber.id, content: digest.content, unsubscribeToken: unsubscribeToken(key, subscriber.id) });
        const outcome = await courier.deliver(email, () => mark(subscriber.id, "handed-over", { attempted: true }));
        if (outcome.status === "sent") {
          failuresInARow = 0;
          report.sent++;
          await mark(subscriber.id, "sent", { error: null });
        } else if (outcome.status === "refused") {
          failuresInARow = 0;
          report.refused++;
          await mark(subscriber.id, "refused", { error: outcome.reason, attempted: true });
          await markBounced(db, subscriber.id, outcome.reason);
        } else if (outcome.handedOver) {
          // The server had every byte but did not answer: it may have taken the email, so it is not sent again.
          report.unconfirmed++;
          await mark(subscriber.id, "handed-over", { error: outcome.reason });
        } else {
          await mark(subscriber.id, "queued", { error: outcome.reason });
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
