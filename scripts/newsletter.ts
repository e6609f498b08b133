/**
 * The newsletter from the terminal, against the site's own database (DATABASE_URL), safely while the site runs.
 *
 *   npm run newsletter -- send daily|weekly   (for cron: the stories since that list's last digest; resumes an interrupted send)
 *   npm run newsletter -- list [pending|confirmed|unsubscribed|bounced]
 *   npm run newsletter -- export [file]       (JSON, with each address's record of consent)
 *   npm run newsletter -- import <file>
 *   npm run newsletter -- remove <email>      (the address and everything kept about it)
 *   npm run newsletter -- stats
 */
import { z } from "zod";
import { UsageError, readBackup, runCli, writeBackup } from "./support/cli";
import { type SiteDatabase, siteDatabase } from "../lib/database/db";
import { env } from "../lib/env";
import { market } from "../lib/market";
import { type PreparedDigest, prepareDigest, recentSends } from "../lib/newsletter/digests";
import { newsletterLinks } from "../lib/newsletter/links";
import { type NewsletterList, emailAddressSchema, listsText, newsletterListSchema, subscriberBackupSchema, subscriberStatusSchema } from "../lib/newsletter/schema";
import { sendDigest } from "../lib/newsletter/send";
import { withSendLock } from "../lib/newsletter/send-lock";
import { countsByStatus, exportSubscribers, importSubscribers, listSubscribers, removeSubscriber } from "../lib/newsletter/subscribers";

const usage = `usage: npm run newsletter -- send daily|weekly
       npm run newsletter -- list [pending|confirmed|unsubscribed|bounced]
       npm run newsletter -- export [file]
       npm run newsletter -- import <file>
       npm run newsletter -- remove <email>
       npm run newsletter -- stats`;

function parsed<T>(schema: z.ZodType<T>, value: unknown, problem: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(problem);
  return result.data;
}

async function send(listName: string | undefined): Promise<number> {
  const list = parsed(newsletterListSchema, listName, `name the list to send: daily or weekly`);
  const db = await siteDatabase();
  return withSendLock(db, list, () => sendList(db, list), (holder) => console.log(`another ${list} send is running (${holder}): waiting for it to finish`));
}

/** Sends the list's digest; after finishing an interrupted one, the next one too, so no story waits a day. */
async function sendList(db: SiteDatabase, list: NewsletterList): Promise<number> {
  for (let round = 0; ; round++) {
    const digest = await prepareDigest(db, list, () => market.get());
    if (!digest) {
      if (round === 0) console.log(`nothing to send: no new story, or no confirmed ${list} subscriber, since the last ${list} digest`);
      return 0;
    }
    const status = await sendOne(db, digest);
    if (status !== 0 || !digest.resumed) return status;
  }
}

async function sendOne(db: SiteDatabase, digest: PreparedDigest): Promise<number> {
  console.log(`${digest.resumed ? "resuming" : "sending"} ${digest.id} to ${digest.recipients} subscribers (${newsletterLinks.digest(digest.id)})`);
  const report = await sendDigest(db, digest.id, { connections: env.NEWSLETTER_SMTP_CONNECTIONS, ratePerSecond: env.NEWSLETTER_SEND_RATE });
  console.log(
    `sent ${report.sent}, refused ${report.refused} (marked bounced), skipped ${report.skipped} (unsubscribed meanwhile), ` +
      `${report.unconfirmed} handed over by an interrupted send without an answer (not sent again), ${report.left} left`,
  );
  if (report.left > 0) {
    console.error(`newsletter: the send stopped (${report.stoppedBecause}); run the same command again to send the ${report.left} left`);
    return 1;
  }
  if (!env.SMTP_URL) console.log(`no SMTP_URL: the emails are in ${env.NEWSLETTER_OUTBOX_DIR}`);
  return 0;
}

async function main([command, argument]: string[]): Promise<number> {
  switch (command) {
    case "send":
      return send(argument);
    case "list": {
      const status = parsed(subscriberStatusSchema.optional(), argument, `unknown status "${argument}": use pending, confirmed, unsubscribed or bounced`);
      for (const row of await listSubscribers(await siteDatabase(), status)) {
        const lists = listsText({ daily: row.daily === 1, weekly: row.weekly === 1 }) || "-";
        console.log([row.email, row.status, lists, row.created_at, row.confirmed_at ?? "-"].join("\t"));
      }
      return 0;
    }
    case "stats": {
      const db = await siteDatabase();
      const counts = await countsByStatus(db);
      console.log(Object.entries(counts).map(([status, count]) => `${status}\t${count}`).join("\n"));
      for (const digest of await recentSends(db)) {
        const copies = Object.entries(digest.deliveries).map(([status, count]) => `${status} ${count}`).join(", ");
        console.log(`${digest.id}\t${digest.status}\t${digest.created_at}\t${copies}`);
      }
      return 0;
    }
    case "export": {
      writeBackup(argument, await exportSubscribers(await siteDatabase()));
      return 0;
    }
    case "import": {
      if (!argument) throw new UsageError("name the file to import");
      const backup = subscriberBackupSchema.safeParse(readBackup(argument, "a newsletter export"));
      if (!backup.success) throw new UsageError(`${argument} is not a newsletter export:\n${z.prettifyError(backup.error)}`);
      console.log(`imported ${await importSubscribers(await siteDatabase(), backup.data)} subscribers from ${argument}`);
      return 0;
    }
    case "remove": {
      const email = parsed(emailAddressSchema, argument ?? "", "name the email address to remove");
      const removed = await removeSubscriber(await siteDatabase(), email);
      if (!removed) throw new UsageError("no subscriber has that address");
      console.log("removed the address and everything kept about it");
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "name a command");
  }
}

runCli("newsletter", usage, main);
