import "server-only";
import { randomBytes } from "node:crypto";
import { siteConfig } from "../config";
import { createLibrary } from "../content/queries";
import { getContent } from "../content/store";
import type { Post } from "../content/types";
import type { SiteDatabase } from "../database/db";
import type { MarketData } from "../market/schema";
import { absoluteUrl, articlePath } from "../seo/urls";
import { type DigestContent, type DigestMarket, digestContentSchema } from "./digest-content";
import type { NewsletterList } from "./schema";
import { confirmedSubscriberIds } from "./subscribers";

/** How far back a list's first digest reaches. */
const firstPeriodMs: Record<NewsletterList, number> = { daily: 24 * 3600_000, weekly: 7 * 24 * 3600_000 };
/** How far before the last digest a story not yet sent is still looked for. */
const LATE_STORY_MS = 24 * 3600_000;

const story = (post: Post): DigestContent["stories"][number] => ({
  title: post.title,
  standfirst: post.description,
  url: absoluteUrl(articlePath(post.slug)),
  publishedAt: new Date(post.publishedAt).toISOString(),
  image: post.image && post.imageAlt ? { url: absoluteUrl(post.image), alt: post.imageAlt } : null,
});

function marketAsOf(data: MarketData): DigestMarket {
  const bitcoin = data.coins.find((coin) => coin.id === "bitcoin");
  const { coins, global, fearGreed } = data.parts;
  return {
    source: data.source,
    btc: bitcoin ? { priceUsd: bitcoin.priceUsd, change24hPct: bitcoin.change24hPct, at: coins.updatedAt } : null,
    dominance: { btcPct: data.global.btcDominancePct, at: global.updatedAt },
    marketCap: { usd: data.global.totalMarketCapUsd, change24hPct: data.global.marketCapChange24hPct, at: global.updatedAt },
    fearGreed: data.fearGreed ? { value: data.fearGreed.value, classification: data.fearGreed.classification, at: fearGreed.updatedAt } : null,
  };
}

const subjectOf = (list: NewsletterList, stories: DigestContent["stories"]) =>
  list === "daily"
    ? `${siteConfig.name} daily: ${stories[0]!.title}`
    : `${siteConfig.name} weekly: ${stories.length} ${stories.length === 1 ? "story" : "stories"} of the week`;

/** A digest's id, readable in its web address: the list, the minute it was written down, and a random tail. */
export const digestIdPattern = /^(daily|weekly)-\d{8}T\d{4}-[0-9a-f]{6}$/;
const newDigestId = (list: NewsletterList, now: Date) => `${list}-${now.toISOString().slice(0, 16).replace(/[-:]/g, "")}-${randomBytes(3).toString("hex")}`;

export type PreparedDigest = { id: string; resumed: boolean; recipients: number };

/**
 * The digest a send delivers: an unfinished one of this list, resumed as it was written, or a new one with
 * the stories published since the list's last digest (published only: no drafts, nothing scheduled) and
 * its recipients fixed once. Undefined when there is nothing to send, or no one to send it to.
 */
export async function prepareDigest(db: SiteDatabase, list: NewsletterList, readMarket: () => Promise<MarketData>, now = new Date()): Promise<PreparedDigest | undefined> {
  const unfinished = await db.selectFrom("newsletter_digests").select("id").where("list", "=", list).where("status", "=", "sending").orderBy("created_at").executeTakeFirst();
  if (unfinished) {
    const { count } = await db.selectFrom("newsletter_deliveries").select((eb) => eb.fn.countAll<number>().as("count")).where("digest_id", "=", unfinished.id).executeTakeFirstOrThrow();
    return { id: unfinished.id, resumed: true, recipients: Number(count) };
  }
  const recent = await db.selectFrom("newsletter_digests").select(["period_end", "content"]).where("list", "=", list).orderBy("period_end", "desc").limit(10).execute();
  // Since the last digest, and a day before it: a story dated before a send but published after it (a
  // late merge, a build deployed after the send) still goes out, once.
  const periodStart = recent[0] ? Date.parse(recent[0].period_end) - LATE_STORY_MS : now.getTime() - firstPeriodMs[list];
  const alreadySent = new Set(recent.flatMap((digest) => digestContentSchema.parse(JSON.parse(digest.content)).stories.map((sent) => sent.url)));
  const library = createLibrary(getContent(), { now: now.getTime() });
  const stories = library.posts
    .filter((post) => post.publishedAt > periodStart && post.publishedAt <= now.getTime())
    .map(story)
    .filter((candidate) => !alreadySent.has(candidate.url));
  if (stories.length === 0) return undefined;
  const recipients = await confirmedSubscriberIds(db, list);
  if (recipients.length === 0) return undefined;
  const content: DigestContent = {
    list,
    subject: subjectOf(list, stories),
    periodStart: new Date(periodStart).toISOString(),
    periodEnd: now.toISOString(),
    stories,
    market: marketAsOf(await readMarket()),
  };
  const id = newDigestId(list, now);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("newsletter_digests")
      .values({ id, list, period_start: content.periodStart, period_end: content.periodEnd, content: JSON.stringify(content), status: "sending", created_at: at, finished_at: null })
      .execute();
    // In slices, under SQLite's limit on a statement's parameters.
    for (let start = 0; start < recipients.length; start += 500) {
      const slice = recipients.slice(start, start + 500);
      await trx
        .insertInto("newsletter_deliveries")
        .values(slice.map((subscriberId) => ({ digest_id: id, subscriber_id: subscriberId, status: "queued" as const, attempts: 0, error: null, updated_at: at })))
        .execute();
    }
  });
  return { id, resumed: false, recipients: recipients.length };
}

/** A digest's content, as stored when it was prepared; undefined for an unknown id. */
export async function digestById(db: SiteDatabase, id: string): Promise<{ id: string; createdAt: string; content: DigestContent } | undefined> {
  const row = await db.selectFrom("newsletter_digests").select(["id", "created_at", "content"]).where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, createdAt: row.created_at, content: digestContentSchema.parse(JSON.parse(row.content)) };
}

/** The latest digests, newest first, with how many copies are in each state. */
export async function recentSends(db: SiteDatabase, limit = 10) {
  const digests = await db.selectFrom("newsletter_digests").select(["id", "list", "status", "created_at", "finished_at"]).orderBy("created_at", "desc").limit(limit).execute();
  if (digests.length === 0) return [];
  const counts = await db
    .selectFrom("newsletter_deliveries")
    .select(["digest_id", "status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("digest_id", "in", digests.map((digest) => digest.id))
    .groupBy(["digest_id", "status"])
    .execute();
  return digests.map((digest) => {
    const byStatus: Record<string, number> = {};
    for (const row of counts) if (row.digest_id === digest.id) byStatus[row.status] = Number(row.count);
    return { ...digest, deliveries: byStatus };
  });
}
