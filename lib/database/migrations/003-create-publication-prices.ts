import type { Kysely, Migration } from "kysely";

// Kysely<any>: a migration describes the schema as it was at that version, not as it is now.
export const createPublicationPrices: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("coin_publication_prices")
      .addColumn("coin_id", "varchar(80)", (col) => col.notNull())
      .addColumn("published_at", "varchar(32)", (col) => col.notNull())
      .addColumn("price_usd", "double precision", (col) => col.notNull())
      .addColumn("priced_at", "varchar(32)", (col) => col.notNull())
      .addColumn("recorded_at", "varchar(32)", (col) => col.notNull())
      .addPrimaryKeyConstraint("coin_publication_prices_pk", ["coin_id", "published_at"])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable("coin_publication_prices").execute();
  },
};
