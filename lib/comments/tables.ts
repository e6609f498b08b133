import type { Selectable } from "kysely";
import type { CommentStatus } from "./schema";

/** The one description of the comment tables, shared by SQLite and PostgreSQL. */
export interface CommentsTable {
  id: string;
  post_slug: string;
  /** A top-level comment's id; replies go one level deep. */
  parent_id: string | null;
  author_name: string;
  /** Never published: only moderators and backups see it. */
  author_email: string;
  body: string;
  status: CommentStatus;
  /** ISO 8601 in UTC, so text order is time order in both dialects. */
  created_at: string;
  updated_at: string;
}

export type CommentRow = Selectable<CommentsTable>;
