import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { z } from "zod";
import type { SiteDatabase } from "../database/db";
import type { NewsletterList } from "./schema";

const holderSchema = z.object({ host: z.string(), pid: z.number().int(), instance: z.string(), at: z.number() });
type Holder = z.infer<typeof holderSchema>;

const HEARTBEAT_MS = 5_000;
/** A holder not heard of for this long is taken to be gone, wherever it ran. */
const SILENT_MS = 60_000;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

function holderOf(value: string): Holder | undefined {
  try {
    return holderSchema.parse(JSON.parse(value));
  } catch {
    return undefined;
  }
}

/** This process's mark, so a holder with this pid but another mark (a reused pid) is known to be gone. */
const instance = randomBytes(8).toString("hex");

/** Whether the send that holds the lock has ended without releasing it (killed, or its machine gone). */
const isGone = (holder: Holder | undefined, now: number) =>
  !holder ||
  now - holder.at > SILENT_MS ||
  (holder.host === hostname() && (holder.pid === process.pid ? holder.instance !== instance : !isAlive(holder.pid)));

/**
 * One send of a list at a time, for every process and machine on the database: a second send waits for
 * the first (whose process may live on after `npm` was killed) and then delivers whatever it left. A lock
 * whose holder was killed is taken over at once on its own machine, after a minute's silence from another.
 */
export async function withSendLock<T>(db: SiteDatabase, list: NewsletterList, run: () => Promise<T>, onWait: (holder: string) => void): Promise<T> {
  const key = `send-lock:${list}`;
  const mine = () => JSON.stringify({ host: hostname(), pid: process.pid, instance, at: Date.now() } satisfies Holder);
  let held = mine();
  let told = false;
  for (;;) {
    const inserted = await db.insertInto("newsletter_settings").values({ key, value: held }).onConflict((conflict) => conflict.column("key").doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) break;
    const row = await db.selectFrom("newsletter_settings").select("value").where("key", "=", key).executeTakeFirst();
    if (row && isGone(holderOf(row.value), Date.now())) {
      await db.deleteFrom("newsletter_settings").where("key", "=", key).where("value", "=", row.value).execute();
    } else if (row) {
      if (!told) onWait(row.value);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    held = mine();
  }
  // Beats one after another, and the last one is waited for before the lock is let go, so none rewrites it after.
  let beats = Promise.resolve();
  const heartbeat = setInterval(() => {
    beats = beats.then(async () => {
      const next = mine();
      try {
        const result = await db.updateTable("newsletter_settings").set({ value: next }).where("key", "=", key).where("value", "=", held).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) held = next;
      } catch {
        // A missed beat is made up by the next one; a minute of them would let another send take over.
      }
    });
  }, HEARTBEAT_MS);
  try {
    return await run();
  } finally {
    clearInterval(heartbeat);
    await beats;
    await db.deleteFrom("newsletter_settings").where("key", "=", key).where("value", "=", held).execute();
  }
}
