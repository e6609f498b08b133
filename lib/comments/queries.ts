import "server-only";
import { randomBytes } from "node:crypto";
import type { SiteDatabase } from "../database/db";
import type { CommentBackup, CommentRecord, CommentStatus } from "./schema";
import type { CommentRow } from "./tables";

/** What readers may see of a comment: never the email, nor anything derived from it. */
export type PublicComment = Pick<CommentRecord, "id" | "authorName" | "body" | "createdAt"> & {
  replies: PublicComment[];
};

/** What a moderator sees. */
export type ModeratedComment = Omit<CommentRecord, "updatedAt">;

export type NewComment = { postSlug: string; parentId?: string; authorName: string; authorEmail: string; body: string };

// Hex, so an id never starts with "-" and reads easily in `npm run comments -- approve <id>`.
const newId = () => randomBytes(6).toString("hex");

const toRecord = (row: CommentRow): CommentRecord => ({
  id: row.id,
  postSlug: row.post_slug,
  parentId: row.parent_id,
  authorName: row.author_name,
  authorEmail: row.author_email,
  body: row.body,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toRow = (comment: CommentRecord): CommentRow => ({
  id: comment.id,
  post_slug: comment.postSlug,
  parent_id: comment.parentId,
  author_name: comment.authorName,
  author_email: comment.authorEmail,
  body: comment.body,
  status: comment.status,
  created_at: comment.createdAt,
  updated_at: comment.updatedAt,
});

/** Stores a reader's comment, pending unless told otherwise; it is committed when this resolves. */
export async function insertComment(
  db: SiteDatabase,
  comment: NewComment,
  { status = "pending", now = new Date() }: { status?: CommentStatus; now?: Date } = {},
): Promise<CommentRecord> {
  const time = now.toISOString();
  const record: CommentRecord = { ...comment, id: newId(), parentId: comment.parentId ?? null, status, createdAt: time, updatedAt: time };
  await db.insertInto("comments").values(toRow(record)).execute();
  return record;
}

/** Whether this exact text was already sent to this article (in any state). */
export async function isDuplicate(db: SiteDatabase, postSlug: string, body: string): Promise<boolean> {
  const row = await db.selectFrom("comments").select("id").where("post_slug", "=", postSlug).where("body", "=", body).executeTakeFirst();
  return row !== undefined;
}

/** A comment that a reply may answer: approved, top-level, on the same article. */
export async function findReplyTarget(db: SiteDatabase, postSlug: string, id: string): Promise<PublicComment | undefined> {
  const comment = await db
    .selectFrom("comments")
    .select(["id", "author_name as authorName", "body", "created_at as createdAt"])
    .where("id", "=", id)
    .where("post_slug", "=", postSlug)
    .where("status", "=", "approved")
    .where("parent_id", "is", null)
    .executeTakeFirst();
  return comment && { ...comment, replies: [] };
}

/** An article's approved comments, oldest first, each with its approved replies. */
export async function approvedComments(db: SiteDatabase, postSlug: string): Promise<PublicComment[]> {
  const rows = await db
    .selectFrom("comments")
    .select(["id", "parent_id as parentId", "author_name as authorName", "body", "created_at as createdAt"])
    .where("post_slug", "=", postSlug)
    .where("status", "=", "approved")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const topLevel = new Map<string, PublicComment>();
  for (const { parentId, ...row } of rows) if (!parentId) topLevel.set(row.id, { ...row, replies: [] });
  // A reply whose parent is not (or no longer) approved stays hidden with it.
  for (const { parentId, ...row } of rows) if (parentId) topLevel.get(parentId)?.replies.push({ ...row, replies: [] });
  return [...topLevel.values()];
}

export const countComments = (thread: PublicComment[]) =>
  thread.reduce((count, comment) => count + 1 + comment.replies.length, 0);

/** Comments in one state, newest first, for the moderation queue and the CLI. */
export async function commentsByStatus(db: SiteDatabase, status?: CommentStatus): Promise<ModeratedComment[]> {
  let query = db.selectFrom("comments").selectAll().orderBy("created_at", "desc").orderBy("id", "desc");
  if (status) query = query.where("status", "=", status);
  return (await query.execute()).map((row) => {
    const { updatedAt: _updatedAt, ...comment } = toRecord(row);
    return comment;
  });
}

/** Moves a comment to a state; answers the changed comment, or undefined for an unknown id. */
export async function setCommentStatus(db: SiteDatabase, id: string, status: CommentStatus, now = new Date()) {
  return db
    .updateTable("comments")
    .set({ status, updated_at: now.toISOString() })
    .where("id", "=", id)
    .returning(["id", "post_slug as postSlug", "status"])
    .executeTakeFirst();
}

/** Deletes a comment and its replies; answers what was deleted, or undefined for an unknown id. */
export async function deleteComment(db: SiteDatabase, id: string) {
  // One statement, so it needs no read-then-write transaction that a concurrent writer could upset.
  const deleted = await db
    .deleteFrom("comments")
    .where((eb) => eb.or([eb("id", "=", id), eb("parent_id", "=", id)]))
    .returning(["id", "post_slug as postSlug"])
    .execute();
  return deleted.find((row) => row.id === id);
}

/** Every comment, for backups. */
export async function exportComments(db: SiteDatabase, now = new Date()): Promise<CommentBackup> {
  const rows = await db.selectFrom("comments").selectAll().orderBy("created_at").orderBy("id").execute();
  return { version: 1, exportedAt: now.toISOString(), comments: rows.map(toRecord) };
}

/** Restores a backup in one transaction: all of it or, on any error, none of it. Existing ids are overwritten. */
export async function importComments(db: SiteDatabase, backup: CommentBackup): Promise<number> {
  // Parents before replies, so every reference points at a row already there.
  const ordered = [...backup.comments].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  await db.transaction().execute(async (trx) => {
    for (const comment of ordered) {
      const row = toRow(comment);
      const { id: _id, ...changes } = row;
      await trx.insertInto("comments").values(row).onConflict((oc) => oc.column("id").doUpdateSet(changes)).execute();
    }
  });
  return ordered.length;
}
