import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startPostgres } from "../support/postgres";
import { requireServer } from "../support/require-server";
import { published } from "./sample-content";
import { commentFormHtml, commentsCli, serverFormFields } from "./support/comments";
import { startOwnServer } from "./support/own-server";

const article = `/news/${published[0]!.slug}`;

/** The main build on `databaseUrl`, served by a process of our own that we can kill without warning. */
const startServer = (databaseUrl: string) =>
  startOwnServer(
    // The burst comes from one address, as fast as it can: only durability is under test here.
    { DATABASE_URL: databaseUrl, COMMENTS_RATE_LIMIT: "100000", COMMENTS_MIN_SECONDS: "0" },
    article,
  );

/**
 * Sends 200 comments, 8 at a time, kills the server once 60 are acknowledged, starts it again, and
 * checks that every acknowledged comment is stored, and nothing but whole comments of the burst.
 */
async function killMidBurst(databaseUrl: string) {
  let server = await startServer(databaseUrl);
  try {
    const { origin } = server;
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
          server.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(acknowledged.length).toBeLessThan(200);

    server = await startServer(databaseUrl);
    const { comments } = JSON.parse(commentsCli(["export"], databaseUrl)) as { comments: { body: string; authorName: string; status: string }[] };
    const stored = new Set(comments.map((comment) => comment.body));
    for (const body of acknowledged) expect(stored.has(body), body).toBe(true);
    for (const comment of comments) {
      expect(sent).toContain(comment.body);
      expect(comment).toMatchObject({ authorName: "Burst", status: "pending" });
    }
    expect(stored.size).toBe(comments.length);
  } finally {
    server.kill();
  }
}

test("a server killed in the middle of a burst of 200 comments keeps every one it acknowledged, and only whole comments", async () => {
  test.setTimeout(120_000);
  const databaseFile = "artifacts/e2e-db/crash.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  await killMidBurst(`file:${databaseFile}`);
});

// The same on PostgreSQL: the app server is killed, the database server stays up, so this checks
// that a comment is acknowledged only once PostgreSQL has committed it.
test("on PostgreSQL, a server killed in the middle of a burst of 200 comments keeps every one it acknowledged, and only whole comments", async () => {
  // Installing Debian's postgresql package may come first.
  test.setTimeout(720_000);
  const postgres = await startPostgres("hashline_crash");
  try {
    test.skip(!requireServer("PostgreSQL", postgres), `no PostgreSQL: ${postgres.reason}`);
    await killMidBurst(postgres.url!);
  } finally {
    postgres.stop();
  }
});
