import "server-only";
import { hostname } from "node:os";
import { z } from "zod";
import type { SiteDatabase } from "../database/db";
import type { NewsletterList } from "./schema";

const holderSchema = z.object({ host: z.string(), pid: z.number().int(), at: z.number() });
type Holder = z.infer<typeof holderSchema>;

const HEARTBEAT_MS = 5_000;
/** A holder on another machine that has not been heard of for this long is taken to be gone. */
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

/** Whether the send that holds the lock has ended without releasing it (killed, or its machine gone). */
const isGone = (holder: Holder | undefined, now: number) =>
  !holder || (holder.host === hostname() ? !isAlive(holder.pid) : now - holder.at > SILENT_MS);

/**
 * One send of a list at a time, for every process and machine on the database: a second send waits for
 * the first (whose process may live on after `npm` was killed) and then delivers whatever it left. A lock
 * whose holder was killed is taken over at once on its own machine, after a minute's silence from another.
 */
export async function withSendLock<T>(db: SiteDatabase, list: NewsletterList, run: () => Promise<T>, onWait: (holder: string) => void): Promise<T> {
  const key = `send-lock:${list}`;
  const mine = () => JSON.stringify({ host: hostname(), pid: process.pid, at: Date.now() } satisfies Holder);
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
  const heartbeat = setInterval(() => {
    const next = mine();
    db.updateTable("newsletter_settings")
      .set({ value: next })
      .where("key", "=", key)
      .where("value", "=", held)
      .executeTakeFirst()
      .then(
        (result) => Number(result.numUpdatedRows) === 1 && (held = next),
        // A missed beat is made up by the next one; a minute of them would let another machine take over.
        () => {},
      );
  }, HEARTBEAT_MS);
  try {
    return await run();
  } finally {
    clearInterval(heartbeat);
    await db.deleteFrom("newsletter_settings").where("key", "=", key).where("value", "=", held).execute();
  }
}
