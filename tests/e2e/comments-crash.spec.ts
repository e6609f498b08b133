import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { crashTestPort } from "../../playwright.config";
import { published } from "./sample-content";
import { commentFormHtml, commentsCli, serverFormFields } from "./support/comments";

const origin = `http://127.0.0.1:${crashTestPort}`;
const databaseFile = "artifacts/e2e-db/crash.db";
const article = `/news/${published[0]!.slug}`;

/** The main build, served by a process of our own that we can kill without warning. */
function startServer(): ChildProcess {
  return spawn("node", ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(crashTestPort)], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      MARKET_PROVIDER: "snapshot",
      // The burst comes from one address, as fast as it can: only durability is under test here.
      COMMENTS_RATE_LIMIT: "100000",
      COMMENTS_MIN_SECONDS: "0",
    },
    detached: true,
    stdio: "ignore",
  });
}

async function waitUntilServing() {
  await expect(async () => expect((await fetch(`${origin}${article}`)).status).toBe(200)).toPass({ timeout: 30_000 });
}

const kill = (server: ChildProcess) => process.kill(-server.pid!, "SIGKILL");

test("a server killed in the middle of a burst of 200 comments keeps every one it acknowledged, and only whole comments", async () => {
  test.setTimeout(120_000);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  let server = startServer();
  try {
    await waitUntilServing();
    // The form exactly as a browser without JavaScript would send it.
    const fields = serverFormFields(commentFormHtml(await (await fetch(`${origin}${article}`)).text()));
    const sent = Array.from({ length: 200 }, (_, index) => `Burst comment number ${index} of 200, ${Date.now()}`);
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const sender = async () => {
      while (next < sent.length) {
        const body = sent[next++]!;
        try {
          const response = await fetch(`${origin}${article}`, {
            method: "POST",
            headers: { Origin: origin },
            body: Object.entries({ ...fields, name: "Burst", email: "burst@example.com", body }).reduce((form, [key, value]) => {
              form.append(key, value);
              return form;
            }, new FormData()),
          });
          if (response.status === 200 && (await response.text()).includes("awaits moderation")) acknowledged.push(body);
        } catch {
          // Refused or cut off by the kill: not acknowledged.
        }
        if (!killed && acknowledged.length >= 60) {
          killed = true;
          kill(server);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(acknowledged.length).toBeLessThan(200);

    server = startServer();
    await waitUntilServing();
    const { comments } = JSON.parse(commentsCli(["export"], databaseFile)) as { comments: { body: string; authorName: string; status: string }[] };
    const stored = new Set(comments.map((comment) => comment.body));
    for (const body of acknowledged) expect(stored.has(body), body).toBe(true);
    for (const comment of comments) {
      expect(sent).toContain(comment.body);
      expect(comment).toMatchObject({ authorName: "Burst", status: "pending" });
    }
    expect(stored.size).toBe(comments.length);
  } finally {
    kill(server);
  }
});
