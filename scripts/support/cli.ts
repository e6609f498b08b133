import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A mistake in how a command was called: printed with the command's usage, exit status 2. */
export class UsageError extends Error {}

/** A backup file's JSON; a parse error is reported without quoting the file, which holds readers' addresses. */
export function readBackup(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`${file} is not valid JSON (is it ${what}?)`);
    throw error;
  }
}

/** Writes a backup to standard output, or to a file only its owner may read (it holds readers' addresses). */
export function writeBackup(file: string | undefined, backup: unknown) {
  const json = `${JSON.stringify(backup, null, 2)}\n`;
  if (!file) {
    process.stdout.write(json);
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, json, { mode: 0o600 });
  chmodSync(file, 0o600);
  console.error(`wrote ${file}`);
}

/** Runs a command's main with its arguments and exits: 0 or its status, 2 with the usage for a UsageError, else 1. */
export function runCli(name: string, usage: string, main: (args: string[]) => Promise<number | void>) {
  main(process.argv.slice(2))
    .then((status) => process.exit(status ?? 0))
    .catch((error: unknown) => {
      console.error(error instanceof UsageError ? `${name}: ${error.message}\n${usage}` : `${name}: ${error instanceof Error ? error.message : error}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    });
}
