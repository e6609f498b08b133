import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { makeContentDir } from "../support/content-dir";
import { tempSqliteUrl } from "../support/comments-db";
import { confirmedSubscriber, digestPosts, newAddress } from "../support/newsletter";
import { parseEmail, startSmtpServer } from "../support/smtp-server";

const NOW = Date.UTC(2026, 5, 1, 12);
let smtp = await startSmtpServer();
const port = smtp.port;
afterAll(() => smtp.close());

// lib/env.ts reads the environment once, when first imported: set it, then import the modules.
vi.stubEnv("DATABASE_URL", tempSqliteUrl());
vi.stubEnv("CONTENT_DIR", makeContentDir(digestPosts(NOW)));
vi.stubEnv("SMTP_URL", smtp.url);
vi.stubEnv("SITE_URL", "https://news.example");
vi.stubEnv("MARKET_PROVIDER", "snapshot");
const { siteDatabase } = await import("@/lib/database/db");
const { market } = await import("@/lib/market");
const { prepareDigest } = await import("@/lib/newsletter/digests");
const { sendDigest } = await import("@/lib/newsletter/send");
const { subscriberByEmail, unsubscribe } = await import("@/lib/newsletter/subscribers");
const db = await siteDatabase();

const readMarket = () => market.get();
const options = { connections: 2, ratePerSecond: 10_000 };
const sendDay = () => new Date(NOW);

beforeEach(async () => {
  // Every test starts with no subscriber confirmed and no digest sent.
  await db.deleteFrom("newsletter_digests").execute();
  await db.deleteFrom("newsletter_subscribers").execute();
  smtp.received.length = 0;
  smtp.refused.clear();
});

describe("a daily digest", () => {
  it("brings each confirmed subscriber of the list the day's published stories, with one-click unsubscribe", async () => {
    const reader = newAddress();
    const weeklyOnly = newAddress("weekly");
    await confirmedSubscriber(db, reader);
    await confirmedSubscriber(db, weeklyOnly, { daily: false, weekly: true });
    const { requestSubscription } = await import("@/lib/newsletter/subscribers");
    const pending = newAddress("pending");
    await requestSubscription(db, { email: pending, lists: { daily: true, weekly: true }, consent: { source: "footer", wording: "test" }, windowMs: 0 });

    const digest = await prepareDigest(db, "daily", readMarket, sendDay());
    expect(digest).toMatchObject({ resumed: false, recipients: 1 });
    const report = await sendDigest(db, digest!.id, options);
    expect(report).toMatchObject({ sent: 1, left: 0, refused: 0 });

    expect(smtp.to(weeklyOnly)).toHaveLength(0);
    expect(smtp.to(pending)).toHaveLength(0);
    const [copy] = smtp.to(reader);
    const email = await parseEmail(copy!);
    expect(email.html).toContain("ETF inflows set a record");
    expect(email.html).toContain("Miners sell less");
    expect(email.html).toContain('src="https://news.example/images/etf-flows-chart.jpg"');
    for (const absent of ["Stablecoin supply grows", "An unfinished draft", "A story for tomorrow"]) expect(email.html).not.toContain(absent);
    expect(email.text).toContain("https://news.example/news/fresh-miners");
    expect(email.text).toMatch(/Bitcoin \$[\d,]+ .*as of \d+ \w+ \d{4}, \d\d:\d\d UTC/);
    // RFC 8058: an HTTPS-or-site URI with a token, and the exact -Post value.
    const headers = copy!.raw.toString().split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
    expect(headers).toMatch(/^List-Unsubscribe: <https:\/\/news\.example\/api\/newsletter\/unsubscribe\?token=[\w-]+\.[\w-]+>$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(email.text).toMatch(/Unsubscribe in one click: https:\/\/news\.example\/newsletter\/unsubscribe\?token=/);
    expect(email.text).toContain(`https://news.example/newsletter/digests/${digest!.id}`);
  });

  it("sends nothing when no story was published since the last digest", async () => {
    await confirmedSubscriber(db, newAddress());
    const first = await prepareDigest(db, "daily", readMarket, sendDay());
    await sendDigest(db, first!.id, options);
    expect(await prepareDigest(db, "daily", readMarket, sendDay())).toBeUndefined();
    expect(smtp.received).toHaveLength(1);
  });

  it("still delivers to the others when the server refuses one address for good, and stops writing to that one", async () => {
    const readers = [newAddress(), newAddress("gone"), newAddress()];
    for (const reader of readers) await confirmedSubscriber(db, reader);
    smtp.refused.add(readers[1]!.toLowerCase());
    const digest = await prepareDigest(db, "daily", readMarket, sendDay());
    const report = await sendDigest(db, digest!.id, options);
    expect(report).toMatchObject({ sent: 2, refused: 1, left: 0 });
    expect(smtp.to(readers[0]!)).toHaveLength(1);
    expect(smtp.to(readers[2]!)).toHaveLength(1);
    const refused = await subscriberByEmail(db, readers[1]!);
    expect(refused).toMatchObject({ status: "bounced" });
    expect(refused!.bounce_reason).not.toContain("@");
  });

  it("stops without marking anyone bounced when the server refuses every recipient on policy (relaying denied)", async () => {
    const readers = [newAddress(), newAddress()];
    for (const reader of readers) await confirmedSubscriber(db, reader);
    smtp.answerEveryRecipient = { code: 554, message: "5.7.1 Relay access denied" };
    try {
      const digest = await prepareDigest(db, "daily", readMarket, sendDay());
      const report = await sendDigest(db, digest!.id, options);
      expect(report.left).toBe(2);
      expect(report.stoppedBecause).toMatch(/Relay access denied/);
      for (const reader of readers) expect(await subscriberByEmail(db, reader)).toMatchObject({ status: "confirmed" });
    } finally {
      smtp.answerEveryRecipient = undefined;
    }
  });

  it("sends again a copy the server answered with a temporary refusal at its end", async () => {
    const reader = newAddress();
    await confirmedSubscriber(db, reader);
    smtp.answerNextMessage = { code: 451, message: "4.3.0 Try again later" };
    const digest = await prepareDigest(db, "daily", readMarket, sendDay());
    const report = await sendDigest(db, digest!.id, options);
    expect(report).toMatchObject({ sent: 1, left: 0, unconfirmed: 0 });
    expect(smtp.to(reader)).toHaveLength(1);
  });

  it("leaves out a subscriber who unsubscribed after the digest was prepared", async () => {
    const [stays, leaves] = [newAddress(), newAddress("leaves")];
    await confirmedSubscriber(db, stays);
    const leaving = await confirmedSubscriber(db, leaves);
    const digest = await prepareDigest(db, "daily", readMarket, sendDay());
    await unsubscribe(db, leaving.id, "test");
    expect(await sendDigest(db, digest!.id, options)).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.to(leaves)).toHaveLength(0);
  });

  it("stops when the SMTP server goes away, and a second run delivers the rest, each copy once", async () => {
    const readers = Array.from({ length: 30 }, () => newAddress());
    for (const reader of readers) await confirmedSubscriber(db, reader);
    const digest = await prepareDigest(db, "daily", readMarket, sendDay());
    const stopping = sendDigest(db, digest!.id, { connections: 1, ratePerSecond: 200, maxFailuresInARow: 2 });
    while (smtp.received.length < 10) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = smtp.received;
    await smtp.close();
    const first = await stopping;
    expect(first.left).toBeGreaterThan(0);

    smtp = await startSmtpServer({ port });
    const resumed = await prepareDigest(db, "daily", readMarket, sendDay());
    expect(resumed).toMatchObject({ id: digest!.id, resumed: true });
    const second = await sendDigest(db, digest!.id, options);
    expect(second.left).toBe(0);
    const all = [...before, ...smtp.received];
    for (const reader of readers) expect(all.filter((email) => email.to.includes(reader)).length, reader).toBeLessThanOrEqual(1);
    expect(all.length + second.unconfirmed + first.unconfirmed).toBeGreaterThanOrEqual(readers.length);
    expect(await prepareDigest(db, "daily", readMarket, sendDay())).toBeUndefined();
  });
});
