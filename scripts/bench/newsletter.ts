import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, openDatabase } from "../../lib/database/db";
import { makeContentDir } from "../../tests/support/content-dir";
import { digestPosts } from "../../tests/support/newsletter";
import { startSmtpServer } from "../../tests/support/smtp-server";
import { buildSite, keepingNextTypes, startSite } from "../support/site";

const SUBSCRIBERS = 10_000;
const SIGNUPS = 400;
const CLIENTS = 8;
// Its own build folder and port, so it never touches the site's .next nor a running server.
const DIST = ".next-bench-newsletter";
const PORT = 3292;

const entities: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&#x27;": "'", "&lt;": "<", "&gt;": ">" };
const unescape = (text: string) => text.replace(/&(?:quot|amp|#x27|lt|gt);/g, (entity) => entities[entity]!);

/** The footer sign-up form's hidden fields, as a browser without JavaScript posts them (the action's id among them). */
async function footerFormFields(url: string): Promise<[string, string][]> {
  const html = await (await fetch(`${url}/`)).text();
  const form = html.match(/<form class="signup"[\s\S]*?<\/form>/)?.[0];
  if (!form) throw new Error("no sign-up form on the home page");
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((match) => [unescape(match[1]!), unescape(match[2] ?? "")]);
}

/** Sign-ups per second through the real form path: a POST of the footer form to a built server, as with JavaScript off. */
async function benchSignups(smtpUrl: string, dir: string) {
  const env = { ...process.env, NEXT_DIST_DIR: DIST, DATABASE_URL: `file:${dir}/signups.db`, SMTP_URL: smtpUrl, MARKET_PROVIDER: "snapshot", NEWSLETTER_SIGNUP_RATE_LIMIT: "1000000" };
  await keepingNextTypes(() => buildSite(env));
  const site = await startSite(PORT, env);
  try {
    const fields = await footerFormFields(site.url);
    const signUp = async (index: number) => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      form.set("email", `signup${index}@example.com`);
      form.set("daily", "1");
      const answer = await fetch(`${site.url}/`, { method: "POST", body: form, headers: { origin: site.url } });
      if (!answer.ok || !(await answer.text()).includes("a link to confirm it is on its way")) throw new Error(`sign-up ${index} failed: ${answer.status}`);
    };
    await signUp(0);
    let next = 1;
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (next <= SIGNUPS) await signUp(next++);
    }));
    const seconds = (performance.now() - started) / 1000;
    const db = await openDatabase(`file:${dir}/signups.db`);
    await migrate(db);
    const { count } = await db.selectFrom("newsletter_subscribers").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    await db.destroy();
    console.log(
      `newsletter sign-ups through the footer form (a POST as without JavaScript, ${CLIENTS} clients, each answered with the page): ` +
        `${Math.round(SIGNUPS / seconds)} sign-ups/s; ${count} addresses stored`,
    );
  } finally {
    site.stop();
    rmSync(DIST, { recursive: true, force: true });
  }
}

/** One digest to 10,000 confirmed subscribers through a local SMTP server, in a child process (newsletter-send.ts). */
async function benchDigest(smtp: Awaited<ReturnType<typeof startSmtpServer>>, dir: string) {
  smtp.received.length = 0;
  const env = {
    ...process.env,
    DATABASE_URL: `file:${dir}/digest.db`,
    CONTENT_DIR: makeContentDir(digestPosts(Date.now())),
    NEXT_DIST_DIR: `${DIST}-none`,
    SMTP_URL: smtp.url,
    MARKET_PROVIDER: "snapshot",
    NEWSLETTER_SEND_RATE: "100000",
    NEWSLETTER_SMTP_CONNECTIONS: "5",
  };
  // Spawned, not spawnSync: the SMTP server answering it lives in this process.
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL("newsletter-send.ts", import.meta.url)), String(SUBSCRIBERS)], { env });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (status !== 0) throw new Error(output);
  const result = JSON.parse(output.trim().split("\n").at(-1)!) as { preparedMs: number; seconds: number; sent: number; left: number; peakMb: number };
  console.log(
    `newsletter digest to ${SUBSCRIBERS.toLocaleString("en")} subscribers through a local SMTP server (5 connections, unthrottled): ` +
      `${result.seconds.toFixed(1)} s (target under 60 s), ${result.sent} sent, ${smtp.received.length} received, ` +
      `preparing it ${result.preparedMs.toFixed(0)} ms, peak memory ${result.peakMb.toFixed(0)} MB`,
  );
}

export async function benchNewsletter() {
  const smtp = await startSmtpServer();
  const dir = mkdtempSync(path.join(tmpdir(), "bench-newsletter-"));
  try {
    await benchDigest(smtp, dir);
    await benchSignups(smtp.url, dir);
  } finally {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
