import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, describe, expect, it, vi } from "vitest";
import { migrate, openDatabase } from "@/lib/database/db";
import { makeContentDir } from "../support/content-dir";
import { tempSqliteUrl } from "../support/comments-db";
import { confirmedSubscriber, digestPosts, newAddress } from "../support/newsletter";
import { startSmtpServer } from "../support/smtp-server";

// Each run of the CLI starts tsx and compiles the script: a few seconds on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

/** `npm run newsletter -- …` as cron or an operator runs it, against this test's database, content and SMTP server. */
function newsletterCli(env: Record<string, string>, ...args: string[]): { child: ChildProcess; done: Promise<{ status: number | null; output: string }> } {
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/newsletter.ts", ...args], {
    env: { ...process.env, NEXT_DIST_DIR: ".next-unit-tests", MARKET_PROVIDER: "snapshot", SMTP_URL: smtp.url, ...env },
    // Its own process group, so a kill reaches tsx's node process as well.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const done = new Promise<{ status: number | null; output: string }>((resolve) => child.on("close", (status) => resolve({ status, output })));
  return { child, done };
}

async function databaseWithSubscribers(count: number) {
  const url = tempSqliteUrl();
  const db = await openDatabase(url);
  await migrate(db);
  const addresses = Array.from({ length: count }, () => newAddress());
  for (const address of addresses) await confirmedSubscriber(db, address);
  await db.destroy();
  return { url, addresses };
}

/** The addresses whose copy of a digest a run left handed over to the server without its answer. */
async function addressesLeftHandedOver(url: string): Promise<string[]> {
  const db = await openDatabase(url);
  try {
    const rows = await db
      .selectFrom("newsletter_deliveries as delivery")
      .innerJoin("newsletter_subscribers as subscriber", "subscriber.id", "delivery.subscriber_id")
      .select("subscriber.email")
      .where("delivery.status", "=", "handed-over")
      .execute();
    return rows.map((row) => row.email);
  } finally {
    await db.destroy();
  }
}

describe("npm run newsletter -- send", () => {
  it("killed mid-way and run again, delivers one copy to every confirmed subscriber, and never two", async () => {
    const { url, addresses } = await databaseWithSubscribers(200);
    const env = { DATABASE_URL: url, CONTENT_DIR: makeContentDir(digestPosts(Date.now())), NEWSLETTER_SEND_RATE: "150", NEWSLETTER_SMTP_CONNECTIONS: "3" };
    smtp.received.length = 0;
    const first = newsletterCli(env, "send", "daily");
    await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThanOrEqual(40), { timeout: 60_000, interval: 5 });
    process.kill(-first.child.pid!, "SIGKILL");
    await first.done;
    const before = smtp.received.length;
    expect(before).toBeLessThan(addresses.length);

    const second = await newsletterCli(env, "send", "daily").done;
    expect(second.status, second.output).toBe(0);
    expect(second.output).toMatch(/^resuming daily-/m);
    const copies = new Map(addresses.map((address) => [address, 0]));
    for (const email of smtp.received) for (const to of email.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    expect([...copies.entries()].filter(([, count]) => count > 1)).toEqual([]);
    // A copy the killed run had claimed, whose end it may or may not have sent, is never sent again (a second
    // copy is the worse mistake), and is counted as unconfirmed. The kill lands in that moment now and then.
    const unconfirmed = new Set(await addressesLeftHandedOver(url));
    expect([...copies.entries()].filter(([address, count]) => count === 0 && !unconfirmed.has(address))).toEqual([]);
    expect(unconfirmed.size).toBeLessThanOrEqual(Number(env.NEWSLETTER_SMTP_CONNECTIONS));

    const third = await newsletterCli(env, "send", "daily").done;
    expect(third.output).toMatch(/nothing to send/);
    expect(smtp.received.length + [...copies.values()].filter((count) => count === 0).length).toBe(addresses.length);
  });

  it("run twice at once (cron overlapping a slow send), still delivers each copy once", async () => {
    const { url, addresses } = await databaseWithSubscribers(80);
    const env = { DATABASE_URL: url, CONTENT_DIR: makeContentDir(digestPosts(Date.now())), NEWSLETTER_SEND_RATE: "20", NEWSLETTER_SMTP_CONNECTIONS: "2" };
    smtp.received.length = 0;
    const first = newsletterCli(env, "send", "daily");
    await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThanOrEqual(5), { timeout: 60_000, interval: 5 });
    const [second, firstDone] = await Promise.all([newsletterCli(env, "send", "daily").done, first.done]);
    expect(firstDone.status, firstDone.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    expect(second.output).toMatch(/another daily send is running/);
    expect(smtp.received.length).toBe(addresses.length);
    expect(new Set(smtp.received.flatMap((email) => email.to)).size).toBe(addresses.length);
  });

  it("sends over TLS with a login, and stops with the reason, to be run again, when the login is refused", async () => {
    const secure = await startSmtpServer({ login: { user: "newsletter", password: "right-password" } });
    try {
      const { url, addresses } = await databaseWithSubscribers(3);
      const env = { DATABASE_URL: url, CONTENT_DIR: makeContentDir(digestPosts(Date.now())) };
      const refused = await newsletterCli({ ...env, SMTP_URL: secure.url.replace("right-password", "wrong-password") }, "send", "daily").done;
      expect(refused.status).toBe(1);
      expect(refused.output).toMatch(/Authentication failed.*run the same command again to send the 3 left/s);
      expect(secure.received).toHaveLength(0);
      const sent = await newsletterCli({ ...env, SMTP_URL: secure.url }, "send", "daily").done;
      expect(sent.status, sent.output).toBe(0);
      expect(secure.received.flatMap((email) => email.to).sort()).toEqual([...addresses].sort());
    } finally {
      await secure.close();
    }
  });

  it("says what is wrong with a command", async () => {
    const { url } = await databaseWithSubscribers(0);
    const { status, output } = await newsletterCli({ DATABASE_URL: url }, "send", "hourly").done;
    expect(status).toBe(2);
    expect(output).toContain("name the list to send: daily or weekly");
  });
});
