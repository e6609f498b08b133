import "server-only";
import { existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

/**
 * An SQLite file that a build writes once and its servers only read (the content, the search index). It is
 * written in one transaction under a temporary name and appears under its own only when finished, so a
 * crash leaves no half-written file a server could open. `format` is stored in the file: a server refuses a
 * file another version of the site wrote.
 */
export function createBuildFile(file: string, format: number, schema: string) {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(partial);
  // One writer, and the file is renamed into place when done: a journal would only slow it down.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec(schema);
  db.pragma(`user_version = ${format}`);
  db.exec("BEGIN");
  return {
    db,
    /** Commits, runs `complete` (work outside the transaction), closes and puts the file in place. */
    finish(complete?: (db: Database.Database) => void) {
      db.exec("COMMIT");
      complete?.(db);
      db.close();
      renameSync(partial, file);
    },
  };
}

/** The build's file, read-only and checked with `read`; undefined when the build has none (a bare `next build`). */
export function openBuildFile<T>(file: string, format: number, read: (db: Database.Database) => T): T | undefined {
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (db.pragma("user_version", { simple: true }) !== format) throw new Error(`${file} was written by another version of the site: build again`);
    return read(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
