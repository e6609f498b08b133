import type { CommentsTable } from "../comments/tables";
import type { PublicationPricesTable } from "../market/publication-prices";
import type { NewsletterTables } from "../newsletter/tables";

/** Every table of the site's database, shared by SQLite and PostgreSQL. */
export interface Database extends NewsletterTables {
  comments: CommentsTable;
  coin_publication_prices: PublicationPricesTable;
}
