import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
// queries.ts reads no environment, so importing it here is safe even where a test must set the
// environment before lib/env.ts loads (submit.test.ts); do not import lib/comments/db.ts here.
import { insertComment, type NewComment } from "@/lib/comments/queries";
import type { CommentStatus } from "@/lib/comments/schema";
import type { SiteDatabase } from "@/lib/database/db";

const dirs: string[] = [];
// Registered while the importing test file is collected, so it runs after that file's tests.
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A `file:` DATABASE_URL in a new temporary folder, deleted after the test file. */
export function tempSqliteUrl(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hashline-comments-"));
  dirs.push(dir);
  return `file:${path.join(dir, "comments.db")}`;
}

let databases = 0;

/** A new, empty database on a test PostgreSQL server (see postgres.ts), as a DATABASE_URL. */
export async function newPostgresDatabase(serverUrl: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const name = `comments_${process.pid}_${++databases}`;
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

let written = 0;

/**
 * Stores a comment as a reader would, then moves it to `status`; `at` sets its time.
 * Defaults: on etf-flows, by "Reader" <reader@example.com>, with a body no other comment has.
 */
export async function addComment(
  db: SiteDatabase,
  { status = "pending", at = new Date(), ...fields }: Partial<NewComment> & { status?: CommentStatus; at?: Date | string } = {},
) {
  const time = new Date(at);
  return insertComment(
    db,
    { postSlug: "etf-flows", authorName: "Reader", authorEmail: "reader@example.com", body: `Comment number ${++written}.`, ...fields },
    { status, now: time },
  );
}
