/**
 * Child process of bench/comments.ts: posts comments one after another through submitComment, the
 * form's real validation + insert path, and prints JSON timings. It is a process of its own because
 * lib/env reads DATABASE_URL and the COMMENTS_* limits once, at import: the parent sets them.
 *
 *   tsx --conditions=react-server scripts/bench/comment-posts.ts <slug> <count>
 */
import { submitComment } from "../../lib/comments/submit";
import { random, sentence } from "./synthetic-content";

const [slug, count] = [process.argv[2]!, Number(process.argv[3])];
const next = random(7);

/** A distinct, reader-sized comment: one to four sentences, numbered so no two are duplicates. */
function form(index: number): FormData {
  const data = new FormData();
  data.set("postSlug", slug);
  data.set("name", `Reader ${index}`);
  data.set("email", `reader${index}@example.com`);
  data.set("body", `${Array.from({ length: 1 + Math.floor(next() * 4) }, () => sentence(next)).join(" ")} (#${index})`);
  // As if the form had been open for a minute, so the minimum-time check passes as for a person.
  data.set("renderedAt", String(Date.now() - 60_000));
  return data;
}

async function post(index: number): Promise<number> {
  const sent = performance.now();
  const state = await submitComment(form(index), "203.0.113.7");
  if (state.status !== "pending") throw new Error(`comment ${index} refused: ${state.message}`);
  return performance.now() - sent;
}

// The first post opens and migrates the database and loads the content: timed apart.
const firstMs = await post(0);
const latencies: number[] = [];
const started = performance.now();
for (let index = 1; index <= count; index += 1) latencies.push(await post(index));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]!;
console.log(JSON.stringify({ firstMs, postsPerSecond: count / seconds, medianMs: at(0.5), p99Ms: at(0.99) }));
