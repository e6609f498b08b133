/**
 * Another process writing to the comment database, as `npm run comments` does while the site runs:
 *   node --conditions=react-server --import tsx tests/support/insert-comments.ts <DATABASE_URL> <count> <body prefix>
 * Prints "ready" once the database is open, waits for a line on stdin, inserts, prints "done".
 */
import { createInterface } from "node:readline/promises";
import { migrate, openDatabase } from "../../lib/database/db";
import { insertComment } from "../../lib/comments/queries";

const [url = "", count = "0", prefix = "child"] = process.argv.slice(2);
const db = await openDatabase(url);
await migrate(db);
console.log("ready");
const input = createInterface({ input: process.stdin });
await input[Symbol.asyncIterator]().next();
input.close();
for (let i = 0; i < Number(count); i++) {
  await insertComment(db, { postSlug: "etf-flows", authorName: "Child", authorEmail: "child@example.com", body: `${prefix} ${i}` });
}
await db.destroy();
console.log("done");
