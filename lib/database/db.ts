import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { CompiledQuery, type DatabaseConnection, Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from "kysely";
import { env } from "../env";
import { processSingleton } from "../process-singleton";
import { migrationProvider } from "./migrations";
import type { Database } from "./tables";

export type SiteDatabase = Kysely<Database>;

/** A Kysely instance for DATABASE_URL: PostgreSQL for postgres:// URLs, else an SQLite file. */
export async function openDatabase(url: string): Promise<SiteDatabase> {
  if (url.startsWith("file:")) return openSqlite(url.slice("file:".length));
  // Loaded only when used, so SQLite sites never load the PostgreSQL driver, and vice versa.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (a restart, a proxy's idle timeout) is reported
  // here; unheard, it would crash the process. The pool opens a new one when next needed.
  pool.on("error", (error) => console.error(`[database] PostgreSQL connection lost: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function openSqlite(file: string): Promise<SiteDatabase> {
  const { default: SQLite } = await import("better-sqlite3");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // The server and `npm run comments` share the file: WAL lets readers and one writer work at
  // once, the busy timeout makes a writer wait for the other instead of failing, and FULL sync
  // means a comment the reader was told about survives a crash or a power cut.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
}

/**
 * SQLite transactions that take the write lock as they begin (BEGIN IMMEDIATE), waiting for it under the
 * busy timeout. A plain BEGIN reads first and asks for the lock at its first write, and fails at once
 * (SQLITE_BUSY_SNAPSHOT) if another process wrote in between, as a newsletter send does many times a second.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #settings: SqliteDialectConfig;
  constructor(settings: SqliteDialectConfig) {
    super(settings);
    this.#settings = settings;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#settings);
  }
}

/** Brings the schema to the latest version; safe to run from several processes at once. */
export async function migrate(db: SiteDatabase): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (!error) return;
    // Two processes starting together (the build's workers, the server and the CLI) may race to
    // migrate; the loser finds the work done on its next try.
    if (attempt >= 5) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

const connection = processSingleton("site-database", () => ({ db: undefined as Promise<SiteDatabase> | undefined }));

/** The site's database (comments, newsletter subscribers), opened and migrated once per process. */
export function siteDatabase(): Promise<SiteDatabase> {
  if (!connection.db) {
    connection.db = openDatabase(env.DATABASE_URL).then(async (db) => {
      try {
        await migrate(db);
      } catch (error) {
        await db.destroy();
        throw error;
      }
      return db;
    });
    // A failed open is not cached, so the next request tries again.
    connection.db.catch(() => (connection.db = undefined));
  }
  return connection.db;
}
