import type { Kysely, Migration } from "kysely";

const time = "varchar(32)";

// Kysely<any>: a migration describes the schema as it was at that version, not as it is now.
export const createNewsletter: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("newsletter_subscribers")
      .addColumn("id", "varchar(32)", (col) => col.primaryKey())
      .addColumn("email", "varchar(320)", (col) => col.notNull())
      .addColumn("email_key", "varchar(320)", (col) => col.notNull().unique())
      .addColumn("status", "varchar(16)", (col) => col.notNull())
      .addColumn("daily", "integer", (col) => col.notNull().defaultTo(0))
      .addColumn("weekly", "integer", (col) => col.notNull().defaultTo(0))
      .addColumn("confirm_token_hash", "varchar(64)", (col) => col.unique())
      .addColumn("confirm_expires_at", time)
      .addColumn("confirm_lists", "varchar(32)")
      .addColumn("last_confirmation_sent_at", time)
      .addColumn("created_at", time, (col) => col.notNull())
      .addColumn("updated_at", time, (col) => col.notNull())
      .addColumn("confirmed_at", time)
      .addColumn("unsubscribed_at", time)
      .addColumn("bounced_at", time)
      .addColumn("bounce_reason", "varchar(500)")
      .execute();
    // A send reads the confirmed subscribers of one list.
    await db.schema.createIndex("newsletter_subscribers_status").on("newsletter_subscribers").columns(["status", "id"]).execute();
    await db.schema
      .createTable("newsletter_consent_events")
      .addColumn("id", "varchar(32)", (col) => col.primaryKey())
      .addColumn("subscriber_id", "varchar(32)", (col) => col.notNull().references("newsletter_subscribers.id").onDelete("cascade"))
      .addColumn("event", "varchar(16)", (col) => col.notNull())
      .addColumn("lists", "varchar(32)", (col) => col.notNull())
      .addColumn("source", "varchar(300)", (col) => col.notNull())
      .addColumn("wording", "varchar(1000)", (col) => col.notNull())
      .addColumn("at", time, (col) => col.notNull())
      .execute();
    await db.schema.createIndex("newsletter_consent_subscriber").on("newsletter_consent_events").columns(["subscriber_id", "at"]).execute();
    await db.schema
      .createTable("newsletter_digests")
      .addColumn("id", "varchar(32)", (col) => col.primaryKey())
      .addColumn("list", "varchar(16)", (col) => col.notNull())
      .addColumn("period_start", time, (col) => col.notNull())
      .addColumn("period_end", time, (col) => col.notNull())
      .addColumn("content", "text", (col) => col.notNull())
      .addColumn("status", "varchar(16)", (col) => col.notNull())
      .addColumn("created_at", time, (col) => col.notNull())
      .addColumn("finished_at", time)
      .execute();
    await db.schema.createIndex("newsletter_digests_list_created").on("newsletter_digests").columns(["list", "created_at"]).execute();
    await db.schema
      .createTable("newsletter_deliveries")
      .addColumn("digest_id", "varchar(32)", (col) => col.notNull().references("newsletter_digests.id").onDelete("cascade"))
      .addColumn("subscriber_id", "varchar(32)", (col) => col.notNull().references("newsletter_subscribers.id").onDelete("cascade"))
      .addColumn("status", "varchar(16)", (col) => col.notNull())
      .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
      .addColumn("error", "varchar(500)")
      .addColumn("updated_at", time, (col) => col.notNull())
      .addPrimaryKeyConstraint("newsletter_deliveries_pk", ["digest_id", "subscriber_id"])
      .execute();
    await db.schema.createIndex("newsletter_deliveries_status").on("newsletter_deliveries").columns(["digest_id", "status"]).execute();
    await db.schema
      .createTable("newsletter_settings")
      .addColumn("key", "varchar(64)", (col) => col.primaryKey())
      .addColumn("value", "varchar(500)", (col) => col.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ["newsletter_deliveries", "newsletter_digests", "newsletter_consent_events", "newsletter_settings", "newsletter_subscribers"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
