import type { CommentsTable } from "../comments/tables";
import type { NewsletterTables } from "../newsletter/tables";

/** Every table of the site's database, shared by SQLite and PostgreSQL. */
export interface Database extends NewsletterTables {
  comments: CommentsTable;
}
