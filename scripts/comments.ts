/**
 * Moderation and backups from the terminal, against the site's own database (DATABASE_URL), safely
 * while the site runs. An approved comment shows on its article within a minute (the article
 * regenerates every 20 seconds), or on every server's next request with REDIS_URL (README, "Several servers").
 *
 *   npm run comments -- list [pending|approved|spam]
 *   npm run comments -- approve|unpublish|spam|delete <id>
 *   npm run comments -- export [file]      (JSON to the file, or to standard output)
 *   npm run comments -- import <file>      (restores an export; existing ids are overwritten)
 *   npm run --silent comments -- hash-password   (reads a password, prints MODERATOR_PASSWORD_HASH)
 */
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { UsageError, readBackup, runCli, writeBackup } from "./support/cli";
import { hashPassword } from "../lib/admin/password";
import { siteDatabase } from "../lib/database/db";
import { expireSharedPages } from "../lib/cache/expire-pages";
import { commentsByStatus, deleteComment, exportComments, importComments, setCommentStatus } from "../lib/comments/queries";
import { commentBackupSchema, commentIdSchema, commentStatusSchema, statusAfter } from "../lib/comments/schema";

const usage = `usage: npm run comments -- list [pending|approved|spam]
       npm run comments -- approve|unpublish|spam|delete <id>
       npm run comments -- export [file]
       npm run comments -- import <file>
       npm run --silent comments -- hash-password`;

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFileSync(0, "utf8").replace(/\r?\n$/, "");
  process.stderr.write("Moderator password (not shown): ");
  // The prompt is written above; what is typed is not echoed, so it stays out of scrollback.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: muted, terminal: true });
  const password = await prompt.question("");
  prompt.close();
  process.stderr.write("\n");
  return password;
}

const statusArgument = (value: string | undefined) => {
  const parsed = commentStatusSchema.optional().safeParse(value);
  if (!parsed.success) throw new UsageError(`unknown status "${value}": use pending, approved or spam`);
  return parsed.data;
};

const idArgument = (value: string | undefined) => {
  if (!commentIdSchema.safeParse(value).success) throw new UsageError(`"${value ?? ""}" is not a comment id: run "npm run comments -- list" to see them`);
  return value as string;
};

/** Tells every server of a fleet to render the story anew, and says when readers see the change. */
async function pageUpdate(slug: string): Promise<string> {
  const shared = await expireSharedPages([`/news/${slug}`]);
  if (shared) return "every server shows the change on its next request";
  return `the page shows the change within a minute${shared === false ? " (Redis did not answer)" : ""}`;
}

async function main([command, argument]: string[]): Promise<void> {
  switch (command) {
    case "hash-password": {
      const password = await readPassword();
      if (password.length === 0) throw new UsageError("type a password (or pipe one in)");
      if (password.length < 12) console.error("comments: warning: a password this short is easy to guess; 12 characters or more is wiser");
      console.log(await hashPassword(password));
      return;
    }
    case "list": {
      const status = statusArgument(argument);
      for (const comment of await commentsByStatus(await siteDatabase(), status)) {
        console.log(
          [comment.id, comment.status, comment.createdAt, comment.postSlug, oneLine(comment.authorName, 40), `<${comment.authorEmail}>`, oneLine(comment.body, 80)].join("\t"),
        );
      }
      return;
    }
    case "approve":
    case "unpublish":
    case "spam": {
      const changed = await setCommentStatus(await siteDatabase(), idArgument(argument), statusAfter[command]);
      if (!changed) throw new UsageError(`no comment has the id ${argument}`);
      console.log(`${changed.id} is now ${changed.status} (on /news/${changed.postSlug}; ${await pageUpdate(changed.postSlug)})`);
      return;
    }
    case "delete": {
      const deleted = await deleteComment(await siteDatabase(), idArgument(argument));
      if (!deleted) throw new UsageError(`no comment has the id ${argument}`);
      console.log(`${deleted.id} is deleted, with any replies (from /news/${deleted.postSlug}; ${await pageUpdate(deleted.postSlug)})`);
      return;
    }
    case "export": {
      writeBackup(argument, await exportComments(await siteDatabase()));
      return;
    }
    case "import": {
      if (!argument) throw new UsageError("name the file to import");
      const parsed = commentBackupSchema.safeParse(readBackup(argument, "a comments export"));
      if (!parsed.success) throw new UsageError(`${argument} is not a comments export:\n${z.prettifyError(parsed.error)}`);
      console.log(`imported ${await importComments(await siteDatabase(), parsed.data)} comments from ${argument}`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "name a command");
  }
}

runCli("comments", usage, main);
