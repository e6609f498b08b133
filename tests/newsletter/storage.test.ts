import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { SiteDatabase } from "@/lib/database/db";
import { makeContentDir } from "../support/content-dir";
import { newPostgresDatabase, tempSqliteUrl } from "../support/comments-db";
import { confirmedSubscriber, digestPosts, newAddress } from "../support/newsletter";
import { startPostgres } from "../support/postgres";
import { requireServer } from "../support/require-server";

const NOW = new Date(Date.UTC(2026, 5, 1, 12));
// lib/env.ts reads the environment once, when first imported: set it, then import the modules.
vi.stubEnv("CONTENT_DIR", makeContentDir(digestPosts(NOW.getTime())));
vi.stubEnv("MARKET_PROVIDER", "snapshot");
const { migrate, openDatabase } = await import("@/lib/database/db");
const { market } = await import("@/lib/market");
const { prepareDigest } = await import("@/lib/newsletter/digests");
const subscribers = await import("@/lib/newsletter/subscribers");
const tokens = await import("@/lib/newsletter/tokens");

const postgres = await startPostgres();
afterAll(() => postgres.stop());
const havePostgres = requireServer("PostgreSQL", postgres);

function newsletterStorage(newUrl: () => Promise<string>) {
  const opened: SiteDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.destroy()));
  });
  async function open(url?: string) {
    const db = await openDatabase(url ?? (await newUrl()));
    await migrate(db);
    opened.push(db);
    return db;
  }
  const consent = { source: "footer", wording: "The form's words." };

  it("keeps one subscriber per mailbox, however it is capitalised, when two sign-ups of it arrive at once", async () => {
    const db = await open();
    const address = newAddress();
    const lists = { daily: true, weekly: false };
    const requests = await Promise.all(
      [address, address.toUpperCase(), address].map((email) => subscribers.requestSubscription(db, { email, lists, consent, windowMs: 60_000, now: NOW })),
    );
    expect(requests.filter(Boolean)).toHaveLength(1);
    expect(await subscribers.countsByStatus(db)).toEqual({ pending: 1, confirmed: 0, unsubscribed: 0, bounced: 0 });
  });

  it("records consent from sign-up to unsubscribe, and exports and imports it", async () => {
    const db = await open();
    const address = newAddress();
    const subscriber = await confirmedSubscriber(db, address, { daily: false, weekly: true }, NOW);
    await subscribers.unsubscribe(db, subscriber.id, "one-click", new Date(NOW.getTime() + 1000));
    const backup = await subscribers.exportSubscribers(db, NOW);
    expect(backup.subscribers).toHaveLength(1);
    expect(backup.subscribers[0]).toMatchObject({ email: address, status: "unsubscribed", daily: false, weekly: false });
    expect(backup.subscribers[0]!.consent.map((event) => [event.event, event.lists])).toEqual([
      ["requested", "weekly"],
      ["confirmed", "weekly"],
      ["unsubscribed", "weekly"],
    ]);

    const other = await open();
    expect(await subscribers.importSubscribers(other, backup)).toBe(1);
    expect((await subscribers.exportSubscribers(other, NOW)).subscribers).toEqual(backup.subscribers);
    expect(await subscribers.removeSubscriber(other, address)).toBe(true);
    expect((await subscribers.exportSubscribers(other, NOW)).subscribers).toEqual([]);
    expect(await other.selectFrom("newsletter_consent_events").selectAll().execute()).toEqual([]);
  });

  it("moves to another database with the unsubscribe links of emails already sent, and an old backup re-subscribes no one", async () => {
    const db = await open();
    const [stays, leaves] = [newAddress(), newAddress()];
    await confirmedSubscriber(db, stays, { daily: true, weekly: false }, NOW);
    const leaving = await confirmedSubscriber(db, leaves, { daily: true, weekly: false }, NOW);
    const backup = await subscribers.exportSubscribers(db, NOW);
    const link = tokens.unsubscribeToken(await tokens.unsubscribeKey(db), leaving.id);

    const other = await open();
    await subscribers.importSubscribers(other, backup);
    expect(tokens.subscriberOfToken(await tokens.unsubscribeKey(other), link)).toBe(leaving.id);
    await subscribers.unsubscribe(other, leaving.id, "test");
    await subscribers.importSubscribers(other, backup);
    expect(await subscribers.subscriberByEmail(other, leaves)).toMatchObject({ status: "unsubscribed" });
    expect(await subscribers.subscriberByEmail(other, stays)).toMatchObject({ status: "confirmed" });
    const events = await other.selectFrom("newsletter_consent_events").select("event").where("subscriber_id", "=", leaving.id).execute();
    expect(events.map((event) => event.event).sort()).toEqual(["confirmed", "requested", "unsubscribed"]);
  });

  it("writes a digest down with its recipients once, and hands the same one back until it is sent", async () => {
    const db = await open();
    for (let i = 0; i < 3; i++) await confirmedSubscriber(db, newAddress(), { daily: true, weekly: false }, NOW);
    await confirmedSubscriber(db, newAddress(), { daily: false, weekly: true }, NOW);
    const digest = await prepareDigest(db, "daily", () => market.get(), NOW);
    expect(digest).toMatchObject({ resumed: false, recipients: 3 });
    await confirmedSubscriber(db, newAddress(), { daily: true, weekly: false }, NOW);
    expect(await prepareDigest(db, "daily", () => market.get(), NOW)).toEqual({ id: digest!.id, resumed: true, recipients: 3 });
  });
}

describe("newsletter storage on SQLite", () => newsletterStorage(async () => tempSqliteUrl()));

describe.skipIf(!havePostgres)(`newsletter storage on PostgreSQL${havePostgres ? "" : ` (SKIPPED: ${postgres.reason?.split("\n")[0]})`}`, () => {
  newsletterStorage(() => newPostgresDatabase(postgres.url!));
});
