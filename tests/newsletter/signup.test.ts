import { afterAll, describe, expect, it, vi } from "vitest";
import { tempSqliteUrl } from "../support/comments-db";
import { newAddress } from "../support/newsletter";
import { parseEmail, startSmtpServer } from "../support/smtp-server";

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

// lib/env.ts reads the environment once, when first imported: set it, then import the modules.
vi.stubEnv("DATABASE_URL", tempSqliteUrl());
vi.stubEnv("CONTENT_DIR", "tests/fixtures/content/valid");
vi.stubEnv("SMTP_URL", smtp.url);
vi.stubEnv("SITE_URL", "https://news.example");
vi.stubEnv("NEWSLETTER_SIGNUP_RATE_LIMIT", "3");
vi.stubEnv("NEWSLETTER_SIGNUP_WINDOW_SECONDS", "900");
const { signUp } = await import("@/lib/newsletter/signup");
const { confirmSubscription, subscriberByEmail } = await import("@/lib/newsletter/subscribers");
const { oneClickUnsubscribe } = await import("@/lib/newsletter/unsubscribe-link");
const db = await (await import("@/lib/database/db")).siteDatabase();

const T0 = new Date(Date.UTC(2026, 5, 1, 12));
let clients = 0;
const newClient = () => `198.51.100.${++clients}`;

/** A sign-up as the form sends it, from a new client unless one is given; its confirmation email is sent at once. */
async function signUpWith(fields: Record<string, string>, { client = newClient(), now = T0 } = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries({ daily: "1", source: "footer", ...fields })) form.append(key, value);
  const { state, send } = await signUp(form, client, now);
  await send?.();
  return state;
}

/** The confirmation link's token in the last email to `address`. */
async function confirmationToken(address: string): Promise<string> {
  const email = await parseEmail(smtp.to(address).at(-1)!);
  return email.text!.match(/\/newsletter\/confirm\?token=([\w-]+)/)![1]!;
}

describe("signing up", () => {
  it("sends one confirmation email with a single-use link, and only confirming subscribes", async () => {
    const address = newAddress();
    const state = await signUpWith({ email: address, weekly: "1" });
    expect(state.status).toBe("sent");
    expect(await subscriberByEmail(db, address)).toMatchObject({ status: "pending", daily: 0, weekly: 0 });
    const [copy] = smtp.to(address);
    const email = await parseEmail(copy!);
    expect(email.subject).toMatch(/Confirm/);
    expect(email.text).toMatch(/https:\/\/news\.example\/newsletter\/confirm\?token=[\w-]{43}/);
    const headers = copy!.raw.toString().split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
    expect(headers).toMatch(/^List-Unsubscribe: <https:\/\/news\.example\/api\/newsletter\/unsubscribe\?token=/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);

    const token = await confirmationToken(address);
    // Only the token's hash is kept.
    const row = await subscriberByEmail(db, address);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await confirmSubscription(db, token, T0)).toEqual({ daily: true, weekly: true });
    expect(await subscriberByEmail(db, address)).toMatchObject({ status: "confirmed", daily: 1, weekly: 1 });
    expect(await confirmSubscription(db, token, T0)).toBeUndefined();
  });

  it("gives the same answer for a new, a pending and a confirmed address, and emails an address at most once a window", async () => {
    const address = newAddress();
    const first = await signUpWith({ email: address });
    const again = await signUpWith({ email: address });
    expect(again).toEqual(first);
    expect(smtp.to(address)).toHaveLength(1);
    await confirmSubscription(db, await confirmationToken(address), T0);
    const whenSubscribed = await signUpWith({ email: address.toUpperCase() }, { now: new Date(T0.getTime() + 60_000) });
    expect(whenSubscribed).toEqual(first);
    expect(smtp.to(address)).toHaveLength(1);
    // After the window, a new link, which does not unsubscribe anyone until it is used.
    await signUpWith({ email: address }, { now: new Date(T0.getTime() + 16 * 60_000) });
    expect(smtp.to(address)).toHaveLength(2);
    expect(await subscriberByEmail(db, address)).toMatchObject({ status: "confirmed" });
  });

  it("does not accept an expired link", async () => {
    const address = newAddress();
    await signUpWith({ email: address });
    const token = await confirmationToken(address);
    expect(await confirmSubscription(db, token, new Date(T0.getTime() + 49 * 3600_000))).toBeUndefined();
    expect(await subscriberByEmail(db, address)).toMatchObject({ status: "pending" });
  });

  it("asks for a list, and refuses addresses that are not one mailbox", async () => {
    expect(await signUpWith({ email: newAddress(), daily: "" })).toMatchObject({ status: "error", fieldErrors: { lists: expect.any(String) } });
    const hostile = ["a@b.c\r\nBcc: victim@example.com", "a@example.com, b@example.com", "<a@example.com>", `${"a".repeat(10_000)}@example.com`, "no-at-sign", "a@localhost"];
    for (const email of hostile) {
      const state = await signUpWith({ email });
      expect(state, email.slice(0, 40)).toMatchObject({ status: "error", fieldErrors: { email: expect.any(String) } });
      expect(JSON.stringify(state)).not.toContain("victim");
    }
    expect(smtp.received.filter((email) => email.to.some((to) => /victim|localhost/.test(to)))).toHaveLength(0);
  });

  it("takes an address with letters of any script", async () => {
    const address = `zoë.${clients}@bücher.example`;
    expect(await signUpWith({ email: address })).toMatchObject({ status: "sent" });
    expect(await subscriberByEmail(db, address)).toMatchObject({ status: "pending" });
    expect(smtp.to(address)).toHaveLength(1);
  });

  it("answers a bot that fills the hidden field as it would a person, and stores nothing", async () => {
    const address = newAddress("bot");
    expect(await signUpWith({ email: address, homepage: "https://spam.example" })).toMatchObject({ status: "sent" });
    expect(await subscriberByEmail(db, address)).toBeUndefined();
    expect(smtp.to(address)).toHaveLength(0);
  });

  it("limits sign-ups from one client", async () => {
    const client = newClient();
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await signUpWith({ email: newAddress() }, { client }));
    expect(states.map((state) => state.status)).toEqual(["sent", "sent", "sent", "error"]);
  });

  it("keeps the record of consent and never logs the address", async () => {
    const errors = vi.spyOn(console, "error");
    const logs = vi.spyOn(console, "log");
    const address = newAddress();
    smtp.refused.add(address.toLowerCase());
    await signUpWith({ email: address, source: "after-story:etf-flows" });
    expect(await subscriberByEmail(db, address)).toMatchObject({ status: "bounced" });
    const events = await db.selectFrom("newsletter_consent_events").selectAll().where("subscriber_id", "=", (await subscriberByEmail(db, address))!.id).execute();
    expect(events[0]).toMatchObject({ event: "requested", lists: "daily", source: "after-story:etf-flows" });
    for (const call of [...errors.mock.calls, ...logs.mock.calls]) expect(call.join(" ")).not.toContain(address);
    expect(errors).toHaveBeenCalled();
  });
});

describe("one-click unsubscribe", () => {
  it("unsubscribes with the signed token of the email, and refuses a forged one", async () => {
    const address = newAddress();
    await signUpWith({ email: address });
    await confirmSubscription(db, await confirmationToken(address), T0);
    const email = await parseEmail(smtp.to(address)[0]!);
    const token = email.text!.match(/\/newsletter\/unsubscribe\?token=([\w.-]+)/)![1]!;
    const [id] = token.split(".");
    expect((await oneClickUnsubscribe(`${id}.${"A".repeat(43)}`)).status).toBe(400);
    expect((await oneClickUnsubscribe("")).status).toBe(400);
    expect(await subscriberByEmail(db, address)).toMatchObject({ status: "confirmed" });
    const answer = await oneClickUnsubscribe(token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("location")).toBeNull();
    expect(await subscriberByEmail(db, address)).toMatchObject({ status: "unsubscribed", daily: 0, weekly: 0 });
  });
});
