/**
 * `npm run content:check`: the same validation `next build` runs, without building.
 * Prints every problem, then the drafts and scheduled posts; exits 1 on any problem.
 */
import { loadContent } from "../lib/content/load";
import { formatDisplayDate } from "../lib/content/dates";
import { formatProblem } from "../lib/content/problems";

const dir = process.env.CONTENT_DIR?.trim() || "content";
const { content, problems } = loadContent(dir);

const drafts = content.posts.filter((post) => post.status === "draft");
const scheduled = content.posts.filter((post) => post.status === "scheduled");
const published = content.posts.length - drafts.length - scheduled.length;

if (scheduled.length) {
  console.log(`Scheduled (the running site publishes each at its moment, UTC, with no rebuild):`);
  for (const post of scheduled) {
    const moment = new Date(post.publishedAt).toISOString().replace(/:\d{2}\.\d{3}Z$/, " UTC").replace("T", " ");
    console.log(`  ${post.file}: ${formatDisplayDate(post.date)}, ${moment} (${post.date})`);
  }
}
if (drafts.length) {
  console.log(`Drafts (never published; shown in npm run dev):`);
  for (const post of drafts) console.log(`  ${post.file}`);
}

if (problems.length) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${dir}/:`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(`\nContent OK: ${published} published, ${scheduled.length} scheduled, ${drafts.length} draft(s).`);
