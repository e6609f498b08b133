import type { Kysely, Migration } from "kysely";

// Kysely<any>: a migration describes the schema as it was at that version, not as it is now.
export const createComments: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("comments")
      .addColumn("id", "varchar(32)", (col) => col.primaryKey())
      .addColumn("post_slug", "varchar(200)", (col) => col.notNull())
      .addColumn("parent_id", "varchar(32)", (col) => col.references("comments.id").onDelete("cascade"))
      .addColumn("author_name", "varchar(200)", (col) => col.notNull())
      .addColumn("author_email", "varchar(320)", (col) => col.notNull())
      .addColumn("body", "text", (col) => col.notNull())
      .addColumn("status", "varchar(16)", (col) => col.notNull())
      .addColumn("created_at", "varchar(32)", (col) => col.notNull())
      .addColumn("updated_at", "varchar(32)", (col) => col.notNull())
      .execute();
    // The article page reads approved comments of one post in time order.
    await db.schema.createIndex("comments_post_status_created").on("comments").columns(["post_slug", "status", "created_at"]).execute();
    // The moderation queue reads by status, newest first.
    await db.schema.createIndex("comments_status_created").on("comments").columns(["status", "created_at"]).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable("comments").execute();
  },
};
