/**
 * Child process of bench/newsletter.ts: fills a fresh database with `count` confirmed subscribers, then
 * prepares and sends one daily digest to them through the SMTP server of SMTP_URL, as
 * `npm run newsletter -- send daily` does, and prints JSON timings and this process's peak memory. A
 * process of its own because lib/env reads DATABASE_URL, CONTENT_DIR and SMTP_URL once, at import.
 *
 *   tsx --conditions=react-server scripts/bench/newsletter-send.ts <count>
 */
import { siteDatabase } from "../../lib/database/db";
import { env } from "../../lib/env";
import { market } from "../../lib/market";
import { prepareDigest } from "../../lib/newsletter/digests";
import { sendDigest } from "../../lib/newsletter/send";

const count = Number(process.argv[2]);
const db = await siteDatabase();
const at = new Date().toISOString();
for (let start = 0; start < count; start += 500) {
  const rows = Array.from({ length: Math.min(500, count - start) }, (_, offset) => {
    const index = start + offset;
    const id = `bench${String(index).padStart(15, "0")}`;
    return {
      id,
      email: `reader${index}@example.com`,
      email_key: `reader${index}@example.com`,
      status: "confirmed" as const,
      daily: 1,
      weekly: 0,
      confirm_token_hash: null,
      confirm_expires_at: null,
      confirm_lists: null,
      last_confirmation_sent_at: null,
      created_at: at,
      updated_at: at,
      confirmed_at: at,
      unsubscribed_at: null,
      bounced_at: null,
      bounce_reason: null,
    };
  });
  await db.insertInto("newsletter_subscribers").values(rows).execute();
}

const started = performance.now();
const digest = await prepareDigest(db, "daily", () => market.get());
if (!digest) throw new Error("no digest to send: the bench content has no story of the last day");
const preparedMs = performance.now() - started;
const report = await sendDigest(db, digest.id, { connections: env.NEWSLETTER_SMTP_CONNECTIONS, ratePerSecond: env.NEWSLETTER_SEND_RATE });
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ preparedMs, seconds, sent: report.sent, left: report.left, peakMb: process.resourceUsage().maxRSS / 1024 }));
process.exit(0);
