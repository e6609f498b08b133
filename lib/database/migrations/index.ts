import type { Migration, MigrationProvider } from "kysely";
import { createComments } from "./001-create-comments";
import { createNewsletter } from "./002-create-newsletter";
import { createPublicationPrices } from "./003-create-publication-prices";

/**
 * Every migration, in order, for both dialects. Listed here rather than read from disk, so the
 * bundled server and the CLIs run exactly the same set. Names are never changed once released.
 */
const migrations: Record<string, Migration> = {
  "001-create-comments": createComments,
  "002-create-newsletter": createNewsletter,
  "003-create-publication-prices": createPublicationPrices,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
