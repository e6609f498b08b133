import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { makeContentDir } from "../support/content-dir";
import { digestPosts } from "../support/newsletter";
import { type TestSmtpServer, parseEmail, startSmtpServer } from "../support/smtp-server";
import { published } from "./sample-content";
import { moderatorPassword, moderatorPasswordHash } from "./support/comments";
import { type OwnServer, startOwnServer } from "./support/own-server";

// A server of the main build of its own, sending through a real SMTP server on loopback into a fresh database.
const run = Date.now().toString(36);
const databaseFile = `artifacts/e2e-db/newsletter-${run}.db`;
let smtp: TestSmtpServer;
let server: OwnServer;
test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  mkdirSync("artifacts/e2e-db", { recursive: true });
  smtp = await startSmtpServer();
  server = await startOwnServer({ SMTP_URL: smtp.url, DATABASE_URL: `file:${databaseFile}`, NEWSLETTER_SIGNUP_RATE_LIMIT: "1000", MODERATOR_PASSWORD_HASH: moderatorPasswordHash });
});
test.afterAll(async () => {
  server?.kill();
  await smtp?.close();
});

let addresses = 0;
const newAddress = () => `reader-${run}-${++addresses}@example.com`;

function subscriber(address: string): { status: string; daily: number; weekly: number } | undefined {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare("select status, daily, weekly from newsletter_subscribers where email_key = ?").get(address.toLowerCase()) as never;
  } finally {
    db.close();
  }
}

/** The link in the last email to `address` that leads to `path`, on the server under test. */
async function linkIn(address: string, path: string): Promise<string> {
  await expect.poll(() => smtp.to(address).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const email = await parseEmail(smtp.to(address).at(-1)!);
  const link = email.text!.match(new RegExp(`https?://\\S+${path.replace("?", "\\?")}\\S*`))?.[0];
  if (!link) throw new Error(`no ${path} link in the email`);
  const url = new URL(link);
  return `${server.origin}${url.pathname}${url.search}`;
}

const footerForm = (page: Page) => page.locator("footer form.signup");

async function signUp(page: Page, form: ReturnType<typeof footerForm>, address: string, lists: ("Daily" | "Weekly")[] = ["Daily"]) {
  await form.getByRole("textbox", { name: "Your e-mail address" }).fill(address);
  for (const list of lists) await form.getByRole("checkbox", { name: list }).check();
  await form.getByRole("button", { name: "Subscribe" }).click();
}

/** Signs `address` up in the footer and presses the button of its confirmation link, as a reader would. */
async function subscribeAndConfirm(page: Page, address: string) {
  await page.goto(`${server.origin}/`);
  await signUp(page, footerForm(page), address);
  await page.goto(await linkIn(address, "/newsletter/confirm?token="));
  await page.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(page).toHaveURL(/\/newsletter\/confirmed$/);
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("signing up in the footer sends a confirmation email; opening its link changes nothing; its button confirms, once", async ({ page, request }) => {
    const address = newAddress();
    await page.goto(`${server.origin}/`);
    await signUp(page, footerForm(page), address, ["Daily", "Weekly"]);
    await expect(footerForm(page).getByRole("status")).toContainText("a link to confirm it is on its way");
    expect(await page.content()).not.toContain(address);
    expect(subscriber(address)).toMatchObject({ status: "pending" });

    const confirm = await linkIn(address, "/newsletter/confirm?token=");
    // A mail scanner fetches every link: nothing happens.
    expect((await request.get(confirm)).status()).toBe(200);
    await page.goto(confirm);
    expect(subscriber(address)).toMatchObject({ status: "pending" });
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await expect(page).toHaveURL(/\/newsletter\/confirmed$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");
    expect(subscriber(address)).toEqual({ status: "confirmed", daily: 1, weekly: 1 });

    await page.goto(confirm);
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await expect(page).toHaveURL(/\/newsletter\/expired$/);
  });

  test("a refused sign-up comes back with the error beside its field", async ({ page }) => {
    await page.goto(`${server.origin}/`);
    await signUp(page, footerForm(page), "not an address", []);
    const form = footerForm(page);
    await expect(form.getByRole("alert")).toContainText("Please correct the fields marked below");
    await expect(form.getByRole("textbox", { name: "Your e-mail address" })).toHaveAttribute("aria-invalid", "true");
    await expect(form).toContainText("Choose the daily digest, the weekly one, or both.");
  });

  test("the unsubscribe link's page unsubscribes with one press, and opening it does not", async ({ page, request }) => {
    const address = newAddress();
    await subscribeAndConfirm(page, address);
    const unsubscribe = await linkIn(address, "/newsletter/unsubscribe?token=");
    expect((await request.get(unsubscribe)).status()).toBe(200);
    expect(subscriber(address)).toMatchObject({ status: "confirmed" });
    await page.goto(unsubscribe);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page).toHaveURL(/\/newsletter\/unsubscribed$/);
    expect(subscriber(address)).toMatchObject({ status: "unsubscribed" });
  });
});

test.describe("with JavaScript on", () => {
  test("signing up after a story happens in place, and answers a known and an unknown address alike", async ({ page }) => {
    const article = `${server.origin}/news/${published[0]!.slug}`;
    await page.goto(article);
    const form = page.locator("aside form.signup");
    await signUp(page, form, "", []);
    await expect(form.getByRole("alert")).toContainText("Please correct the fields marked below");
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const known = newAddress();
    await signUp(page, form, known);
    const status = form.getByRole("status");
    await expect(status).toContainText("a link to confirm it is on its way");
    const answerForNew = await status.textContent();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await expect(form.getByRole("textbox", { name: "Your e-mail address" })).toHaveValue("");
    await page.goto(await linkIn(known, "/newsletter/confirm?token="));
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await expect(page).toHaveURL(/\/newsletter\/confirmed$/);

    await page.goto(article);
    await signUp(page, form, known);
    await expect(form.getByRole("status")).toHaveText(answerForNew!);
    const events = new Database(databaseFile, { readonly: true });
    expect(events.prepare("select source from newsletter_consent_events where event = 'requested' limit 1").get()).toBeTruthy();
    events.close();
  });
});

test("a mail provider's one-click POST unsubscribes at once, without a redirect; a GET of that address does not", async ({ page, request }) => {
  const address = newAddress();
  await subscribeAndConfirm(page, address);
  const raw = smtp.to(address).at(-1)!.raw.toString().split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
  expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  const oneClick = new URL(raw.match(/^List-Unsubscribe: <([^>]+)>/m)![1]!);
  const target = `${server.origin}${oneClick.pathname}${oneClick.search}`;

  await request.get(target);
  expect(subscriber(address)).toMatchObject({ status: "confirmed" });
  const answer = await request.post(target, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(200);
  expect(subscriber(address)).toMatchObject({ status: "unsubscribed" });
});

test("a sign-up form posted from another site is refused", async ({ request }) => {
  const address = newAddress();
  const answer = await request.post(`${server.origin}/`, {
    headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    data: `email=${encodeURIComponent(address)}&daily=1&source=footer`,
  });
  expect(answer.status()).toBe(403);
  expect(subscriber(address)).toBeUndefined();
});

test("a sent digest has its own page, linked from every copy", async ({ page }) => {
  const address = newAddress();
  await subscribeAndConfirm(page, address);
  // Spawned, not spawnSync: the SMTP server it sends to answers from this process.
  const send = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/newsletter.ts", "send", "daily"], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, SMTP_URL: smtp.url, CONTENT_DIR: makeContentDir(digestPosts(Date.now())), NEXT_DIST_DIR: ".next-newsletter-cli", MARKET_PROVIDER: "snapshot" },
  });
  let output = "";
  send.stdout.on("data", (chunk) => (output += chunk));
  send.stderr.on("data", (chunk) => (output += chunk));
  const [status] = (await once(send, "close")) as [number | null];
  expect(status, output).toBe(0);
  await page.goto(await linkIn(address, "/newsletter/digests/"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("daily: ETF inflows set a record");
  await expect(page.getByRole("link", { name: "Miners sell less" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/Bitcoin \$[\d,]+.*as of/);
  expect((await page.goto(`${server.origin}/newsletter/digests/daily-20990101T0000-abcdef`))!.status()).toBe(404);

  // The moderation page counts subscribers by state and lists the send, naming no address.
  await page.goto(`${server.origin}/admin/comments`);
  await page.getByLabel("Moderator password").fill(moderatorPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  const section = page.getByRole("region", { name: "Newsletter" });
  await expect(section.getByRole("definition").first()).toBeVisible();
  await expect(section).toContainText(/Confirmed\s*[1-9]/);
  await expect(section.getByRole("link", { name: /^daily-/ })).toBeVisible();
  expect(await section.innerText()).not.toContain("@example.com");
});
