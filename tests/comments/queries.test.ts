import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type KyselyPlugin, sql } from "kysely";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type SiteDatabase, migrate, openDatabase } from "@/lib/database/db";
import {
  approvedComments,
  commentsByStatus,
  countComments,
  deleteComment,
  exportComments,
  findReplyTarget,
  importComments,
  insertComment,
  isDuplicate,
  setCommentStatus,
} from "@/lib/comments/queries";
import { type CommentBackup, commentBackupSchema } from "@/lib/comments/schema";
import { addComment, newPostgresDatabase, tempSqliteUrl } from "../support/comments-db";
import { startPostgres } from "../support/postgres";
import { requireServer } from "../support/require-server";

const postgres = await startPostgres();
afterAll(() => postgres.stop());
const havePostgres = requireServer("PostgreSQL", postgres);

/** A time on 1 March 2024, `minute` minutes after 10:00 UTC. */
const t = (minute: number) => new Date(Date.UTC(2024, 2, 1, 10, minute));
const exported = t(999);

function commentQueries(dialect: "SQLite" | "PostgreSQL", newUrl: () => Promise<string>) {
  const opened: SiteDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.destroy()));
  });

  /** A migrated connection to `url`, or to a new empty database. */
  async function open(url?: string) {
    const db = await openDatabase(url ?? (await newUrl()));
    opened.push(db);
    await migrate(db);
    return db;
  }

  const ids = async (db: SiteDatabase) => (await commentsByStatus(db)).map((comment) => comment.id).sort();

  it("stores a new comment as pending, with a new random 12-character id and the given time", async () => {
    const db = await open();
    const comment = await insertComment(db, { postSlug: "etf-flows", authorName: "Ada", authorEmail: "ada@example.com", body: "Hello." }, { now: t(1) });
    expect(comment).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/),
      postSlug: "etf-flows",
      parentId: null,
      authorName: "Ada",
      authorEmail: "ada@example.com",
      body: "Hello.",
      status: "pending",
      createdAt: "2024-03-01T10:01:00.000Z",
      updatedAt: "2024-03-01T10:01:00.000Z",
    });
    const { updatedAt: _updatedAt, ...moderated } = comment;
    expect(await commentsByStatus(db)).toEqual([moderated]);
    const more = await Promise.all(Array.from({ length: 50 }, () => addComment(db)));
    expect(new Set([comment.id, ...more.map((each) => each.id)]).size).toBe(51);
  });

  it("shows an article's approved comments oldest first, approved replies under them, and no email", async () => {
    const db = await open();
    const later = await addComment(db, { status: "approved", at: t(2), authorName: "Later", authorEmail: "later@example.com" });
    const earlier = await addComment(db, { status: "approved", at: t(1), authorName: "Earlier", authorEmail: "earlier@example.com" });
    const secondReply = await addComment(db, { status: "approved", at: t(5), parentId: later.id });
    const firstReply = await addComment(db, { status: "approved", at: t(3), parentId: later.id });
    const replyToEarlier = await addComment(db, { status: "approved", at: t(7), parentId: earlier.id });
    await addComment(db, { status: "pending", at: t(4), parentId: later.id });
    await addComment(db, { status: "spam", at: t(4), parentId: earlier.id });
    const pendingParent = await addComment(db, { status: "pending", at: t(0) });
    await addComment(db, { status: "approved", at: t(6), parentId: pendingParent.id });
    const spamParent = await addComment(db, { status: "spam", at: t(0) });
    await addComment(db, { status: "approved", at: t(6), parentId: spamParent.id });
    await addComment(db, { status: "approved", at: t(0), postSlug: "sec-ruling" });

    const shown = (comment: Awaited<ReturnType<typeof addComment>>, replies: unknown[] = []) => ({
      id: comment.id,
      authorName: comment.authorName,
      body: comment.body,
      createdAt: comment.createdAt,
      replies,
    });
    const thread = await approvedComments(db, "etf-flows");
    expect(thread).toEqual([shown(earlier, [shown(replyToEarlier)]), shown(later, [shown(firstReply), shown(secondReply)])]);
    expect(JSON.stringify(thread)).not.toMatch(/@|email|status|parent/i);
    expect(countComments(thread)).toBe(5);
    expect(await approvedComments(db, "no-such-story")).toEqual([]);
  });

  it("lists comments for moderators newest first, all or in one state, with the email", async () => {
    const db = await open();
    const first = await addComment(db, { at: t(1), authorEmail: "first@example.com" });
    const third = await addComment(db, { at: t(3), status: "approved" });
    const second = await addComment(db, { at: t(2), status: "spam" });
    const fourth = await addComment(db, { at: t(4), parentId: third.id });
    const listed = async (status?: "pending" | "approved" | "spam") => (await commentsByStatus(db, status)).map((comment) => comment.id);
    expect(await listed()).toEqual([fourth.id, third.id, second.id, first.id]);
    expect(await listed("pending")).toEqual([fourth.id, first.id]);
    expect(await listed("approved")).toEqual([third.id]);
    expect(await listed("spam")).toEqual([second.id]);
    expect((await commentsByStatus(db, "pending"))[1]).toEqual({
      id: first.id,
      postSlug: "etf-flows",
      parentId: null,
      authorName: "Reader",
      authorEmail: "first@example.com",
      body: first.body,
      status: "pending",
      createdAt: "2024-03-01T10:01:00.000Z",
    });
    expect((await commentsByStatus(db, "pending"))[0]?.parentId).toBe(third.id);
  });

  it("moves a comment between states, recording when, and answers undefined for an unknown id", async () => {
    const db = await open();
    const comment = await addComment(db, { at: t(1) });
    expect(await setCommentStatus(db, comment.id, "approved", t(5))).toEqual({ id: comment.id, postSlug: "etf-flows", status: "approved" });
    expect((await approvedComments(db, "etf-flows")).map((shown) => shown.id)).toEqual([comment.id]);
    const [record] = (await exportComments(db)).comments;
    expect(record).toMatchObject({ createdAt: t(1).toISOString(), updatedAt: t(5).toISOString(), status: "approved" });
    expect(await setCommentStatus(db, comment.id, "pending", t(6))).toMatchObject({ status: "pending" });
    expect(await approvedComments(db, "etf-flows")).toEqual([]);
    expect(await setCommentStatus(db, "Ab3_-xYz0123", "approved")).toBeUndefined();
    expect(await ids(db)).toEqual([comment.id]);
  });

  it("deletes a comment with all its replies, and answers undefined for an unknown id", async () => {
    const db = await open();
    const parent = await addComment(db, { status: "approved" });
    await addComment(db, { status: "approved", parentId: parent.id });
    await addComment(db, { status: "pending", parentId: parent.id });
    const other = await addComment(db, { status: "approved", postSlug: "sec-ruling" });
    const otherReply = await addComment(db, { status: "approved", postSlug: "sec-ruling", parentId: other.id });
    expect(await deleteComment(db, parent.id)).toEqual({ id: parent.id, postSlug: "etf-flows" });
    expect(await ids(db)).toEqual([other.id, otherReply.id].sort());
    expect(await deleteComment(db, otherReply.id)).toEqual({ id: otherReply.id, postSlug: "sec-ruling" });
    expect(await ids(db)).toEqual([other.id]);
    expect(await deleteComment(db, parent.id)).toBeUndefined();
    expect(await deleteComment(db, "Ab3_-xYz0123")).toBeUndefined();
    expect(await ids(db)).toEqual([other.id]);
  });

  it("finds a duplicate by exact text on the same article, in any state", async () => {
    const db = await open();
    await addComment(db, { body: "Same text", status: "spam" });
    expect(await isDuplicate(db, "etf-flows", "Same text")).toBe(true);
    expect(await isDuplicate(db, "sec-ruling", "Same text")).toBe(false);
    expect(await isDuplicate(db, "etf-flows", "same text")).toBe(false);
    expect(await isDuplicate(db, "etf-flows", "Same text ")).toBe(false);
    expect(await isDuplicate(db, "etf-flows", "Same")).toBe(false);
  });

  it("lets replies answer only an approved top-level comment on the same article", async () => {
    const db = await open();
    const approved = await addComment(db, { status: "approved", authorName: "Top" });
    expect(await findReplyTarget(db, "etf-flows", approved.id)).toEqual({
      id: approved.id,
      authorName: "Top",
      body: approved.body,
      createdAt: approved.createdAt,
      replies: [],
    });
    const refused = {
      pending: (await addComment(db)).id,
      spam: (await addComment(db, { status: "spam" })).id,
      reply: (await addComment(db, { status: "approved", parentId: approved.id })).id,
      unknown: "Ab3_-xYz0123",
    };
    for (const [what, id] of Object.entries(refused)) expect(await findReplyTarget(db, "etf-flows", id), what).toBeUndefined();
    expect(await findReplyTarget(db, "sec-ruling", approved.id)).toBeUndefined();
  });

  it("exports every comment and imports the backup into an empty database, whatever the order of its records", async () => {
    const db = await open();
    const top = await addComment(db, { status: "approved", at: t(1), authorName: "Zoë \"Q\" O'Brien", body: "Line one\n\nمرحبا 🚀 <b>&amp;</b>" });
    await addComment(db, { status: "approved", at: t(2), parentId: top.id, authorName: "n".repeat(80), body: "x".repeat(5_000) });
    await addComment(db, { status: "spam", at: t(3), parentId: top.id });
    await addComment(db, { status: "pending", at: t(4), postSlug: "sec-ruling", authorEmail: "o'brien+tag@example.co.uk" });
    const backup = await exportComments(db, exported);
    expect(backup).toMatchObject({ version: 1, exportedAt: exported.toISOString() });
    expect(backup.comments.map((comment) => comment.createdAt)).toEqual([t(1), t(2), t(3), t(4)].map((time) => time.toISOString()));
    // Through JSON and the schema, as `npm run comments -- export` and `import` do.
    const read = commentBackupSchema.parse(JSON.parse(JSON.stringify(backup)));

    const restored = await open();
    expect(await importComments(restored, read)).toBe(4);
    expect(await exportComments(restored, exported)).toEqual(backup);
    const reversed = await open();
    expect(await importComments(reversed, { ...read, comments: [...read.comments].reverse() })).toBe(4);
    expect(await exportComments(reversed, exported)).toEqual(backup);
    expect(await approvedComments(reversed, "etf-flows")).toEqual(await approvedComments(db, "etf-flows"));
  });

  it("overwrites comments whose ids are already there when importing", async () => {
    const db = await open();
    const comment = await addComment(db, { at: t(1) });
    const [record] = (await exportComments(db)).comments;
    const changed = { ...record!, status: "approved" as const, body: "Edited in the backup.", updatedAt: t(9).toISOString() };
    expect(await importComments(db, { version: 1, exportedAt: exported.toISOString(), comments: [changed] })).toBe(1);
    expect((await exportComments(db)).comments).toEqual([changed]);
    expect(await ids(db)).toEqual([comment.id]);
  });

  it("imports all of a backup or none of it: a reply whose parent is missing fails the whole import", async () => {
    const db = await open();
    const kept = await addComment(db, { status: "approved", at: t(1) });
    await addComment(db, { at: t(2), parentId: kept.id });
    const before = await exportComments(db, exported);
    const record = (id: string, fields: Partial<CommentBackup["comments"][number]> = {}) => ({
      ...before.comments[0]!,
      id,
      parentId: null,
      body: `Imported ${id}`,
      ...fields,
    });
    const backup: CommentBackup = {
      version: 1,
      exportedAt: exported.toISOString(),
      comments: [record("New_top_0001"), record(kept.id, { status: "spam" }), record("Orphan_reply", { parentId: "Gone_parent0" })],
    };
    await expect(importComments(db, backup)).rejects.toThrow();
    expect(await exportComments(db, exported)).toEqual(before);
  });

  it("migrates once: running migrate() again, or from another connection, changes nothing", async () => {
    const url = await newUrl();
    const db = await open(url);
    const comment = await addComment(db);
    await migrate(db);
    const other = await open(url);
    expect(await ids(other)).toEqual([comment.id]);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(rows).toEqual([{ name: "001-create-comments" }, { name: "002-create-newsletter" }, { name: "003-create-publication-prices" }]);
  });

  it("migrates a new database from two connections at once", async () => {
    const url = await newUrl();
    const [a, b] = [await openDatabase(url), await openDatabase(url)];
    opened.push(a, b);
    await Promise.all([migrate(a), migrate(b)]);
    const comment = await addComment(a);
    expect(await ids(b)).toEqual([comment.id]);
  });

  it("loses nothing when two connections to one database insert at the same time", async () => {
    const url = await newUrl();
    const [a, b] = [await open(url), await open(url)];
    const bodies = Array.from({ length: 200 }, (_, i) => `Concurrent comment ${i}`);
    await Promise.all(bodies.map((body, i) => addComment(i % 2 ? a : b, { body })));
    for (const db of [a, b]) {
      const stored = await commentsByStatus(db);
      expect(stored.map((comment) => comment.body).sort()).toEqual([...bodies].sort());
      expect(new Set(stored.map((comment) => comment.id)).size).toBe(200);
    }
  });

  // A read-then-delete transaction would fail at once on SQLite (SQLITE_BUSY_SNAPSHOT, which the
  // busy timeout does not cover) if another connection committed in between.
  it("deletes a comment while another connection writes between its read and its write", async () => {
    const url = await newUrl();
    const [a, b] = [await open(url), await open(url)];
    const target = await addComment(a);
    let meanwhile: Promise<unknown> | undefined;
    const writeMeanwhile: KyselyPlugin = {
      transformQuery: ({ node }) => node,
      async transformResult({ result }) {
        await (meanwhile ??= addComment(b, { body: "Sent meanwhile." }));
        return result;
      },
    };
    expect(await deleteComment(a.withPlugin(writeMeanwhile), target.id)).toEqual({ id: target.id, postSlug: "etf-flows" });
    expect((await commentsByStatus(a)).map((comment) => comment.body)).toEqual(["Sent meanwhile."]);
  });
}

describe("comment queries on SQLite", () => {
  commentQueries("SQLite", async () => tempSqliteUrl());

  it("creates the database file's folder", async () => {
    const url = tempSqliteUrl().replace(/comments\.db$/, "nested/deeper/comments.db");
    const db = await openDatabase(url);
    await migrate(db);
    await db.destroy();
    expect(existsSync(url.slice("file:".length))).toBe(true);
  });

  it("loses nothing when another process (the CLI) inserts at the same time as this one (the site)", async () => {
    const url = tempSqliteUrl();
    const site = await openDatabase(url);
    await migrate(site);
    const script = fileURLToPath(new URL("../support/insert-comments.ts", import.meta.url));
    const cli = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, url, "200", "From the CLI"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const exited = once(cli, "exit");
    try {
      expect(String((await once(cli.stdout.setEncoding("utf8"), "data"))[0]).trim()).toBe("ready");
      cli.stdin.end("go\n");
      for (let i = 0; i < 200; i++) {
        await addComment(site, { body: `From the site ${i}` });
        await new Promise(setImmediate);
      }
      expect(await exited).toEqual([0, null]);
      const bodies = (await commentsByStatus(site)).map((comment) => comment.body);
      expect(bodies.filter((body) => body.startsWith("From the CLI "))).toHaveLength(200);
      expect(bodies.filter((body) => body.startsWith("From the site "))).toHaveLength(200);
    } finally {
      cli.kill();
      await site.destroy();
    }
  });
});

describe.skipIf(!havePostgres)(`comment queries on PostgreSQL${havePostgres ? "" : ` (SKIPPED: ${postgres.reason?.split("\n")[0]})`}`, () => {
  commentQueries("PostgreSQL", () => newPostgresDatabase(postgres.url!));
});
