import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrate, openDatabase } from "@/lib/database/db";
import type { CommentBackup } from "@/lib/comments/schema";
import { addComment, tempSqliteUrl } from "../support/comments-db";

// Each run of the CLI starts tsx and compiles the script: a few seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const folder = mkdtempSync(path.join(tmpdir(), "hashline-comments-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * `npm run comments -- …` as an editor runs it, against `databaseUrl`. Under the usual umask (022),
 * so a file the script wrote without a mode of its own would be readable by everyone.
 */
function commentsCli(databaseUrl: string, ...args: string[]) {
  const result = spawnSync("sh", ["-c", 'umask 022 && exec "$@"', "sh", "node_modules/.bin/tsx", "--conditions=react-server", "scripts/comments.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

/** Every comment in the database, as the CLI exports it (without the export's own time). */
function storedComments(databaseUrl: string): CommentBackup["comments"] {
  const { status, stdout } = commentsCli(databaseUrl, "export");
  expect(status).toBe(0);
  return (JSON.parse(stdout) as CommentBackup).comments;
}

/** A database with an approved comment and a pending reply to it. */
async function databaseWithComments(): Promise<string> {
  const url = tempSqliteUrl();
  const db = await openDatabase(url);
  try {
    await migrate(db);
    const parent = await addComment(db, { status: "approved", at: "2024-03-01T10:00:00Z" });
    await addComment(db, { parentId: parent.id, at: "2024-03-01T10:05:00Z" });
  } finally {
    await db.destroy();
  }
  return url;
}

describe("npm run comments -- import", () => {
  let url: string;
  let before: CommentBackup["comments"];
  beforeAll(async () => {
    url = await databaseWithComments();
    before = storedComments(url);
  });

  /** A backup of the stored comments' shape: a new top-level comment, a stored one marked as spam, and `extra`. */
  function backupWith(...extra: Partial<CommentBackup["comments"][number]>[]): string {
    const [parent] = before;
    const record = (fields: Partial<CommentBackup["comments"][number]>) => ({ ...parent!, parentId: null, ...fields });
    const backup: CommentBackup = {
      version: 1,
      exportedAt: "2024-03-02T00:00:00.000Z",
      comments: [record({ id: "New_top_0001", body: "A new comment from the backup." }), record({ status: "spam" }), ...extra.map(record)],
    };
    const file = path.join(folder, `backup-${extra.length}-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(backup));
    return file;
  }

  it("imports none of a backup with one bad comment: a reply to a missing comment, or an invalid email", () => {
    const badComments = {
      "a reply whose parent is in neither the backup nor the database": { id: "Orphan_reply", parentId: "Gone_parent0", body: "Orphan." },
      "an email that is not one": { id: "Bad_email_01", authorEmail: "not an email", body: "Bad email." },
    };
    for (const [what, bad] of Object.entries(badComments)) {
      const { status, output } = commentsCli(url, "import", backupWith(bad));
      expect(status, `${what}: ${output}`).not.toBe(0);
      expect(output, what).not.toMatch(/^imported/m);
      expect(storedComments(url), what).toEqual(before);
    }
  });

  // So the refusal above is for the one bad comment, not for the rest of the backup.
  it("imports the same backup without its bad comment, replacing the comment already there", () => {
    const { status, output } = commentsCli(url, "import", backupWith());
    expect(status, output).toBe(0);
    expect(output).toMatch(/^imported 2 comments from /m);
    const after = storedComments(url);
    expect(after.map((comment) => [comment.id, comment.status]).sort()).toEqual(
      [[before[0]!.id, "spam"], [before[1]!.id, "pending"], ["New_top_0001", "approved"]].sort(),
    );
  });
});

describe("npm run comments -- export <file>", () => {
  const mode = (file: string) => statSync(file).mode & 0o777;

  // The backup holds readers' emails.
  it("writes the backup readable by its owner only (0600), into a new folder or over an older file", async () => {
    const url = await databaseWithComments();
    const file = path.join(folder, "backups", "nested", "comments.json");
    expect(commentsCli(url, "export", file).status).toBe(0);
    expect(mode(file).toString(8)).toBe("600");
    expect((JSON.parse(readFileSync(file, "utf8")) as CommentBackup).comments).toHaveLength(2);

    const older = path.join(folder, "older.json");
    writeFileSync(older, "an older backup");
    chmodSync(older, 0o644);
    expect(commentsCli(url, "export", older).status).toBe(0);
    expect(mode(older).toString(8)).toBe("600");
    expect((JSON.parse(readFileSync(older, "utf8")) as CommentBackup).comments).toHaveLength(2);
  });
});
