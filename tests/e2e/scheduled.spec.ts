import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { tagSlug } from "../../lib/content/tags";
import { e2eRunAt, writeE2EContent } from "../support/e2e-content";
import { published } from "./sample-content";
import { startOwnServer } from "./support/own-server";

// A story scheduled a few minutes ahead, in a build of its own: the build gives its moment, so the moment must
// come after the build is served. Real time, as editors live it: the test waits for the moment.
const BUILD_MARGIN_MS = 210_000;
/** The promise: within a minute after its moment, the story is everywhere a published story is. */
const LIVE_WITHIN_MS = 60_000;

const contentDir = "artifacts/e2e-content/scheduled";
const distDir = ".next-e2e-scheduled";

// A published story with no editor's picks: the scheduled one shares its tags and category, so it tops its
// "You might like" once published.
const sibling = published.find((post) => !post.related?.length && (post.tags?.length ?? 0) > 0)!;
const story = {
  slug: "regulators-unveil-surprise-stablecoin-framework",
  title: "Regulators unveil surprise stablecoin framework",
  // A word no other story has, to search for.
  word: "quetzalcoatlus",
  newTag: "Surprise frameworks",
};

function storyFile(moment: number) {
  const tags = [...(sibling.tags ?? []), story.newTag].map((tag) => JSON.stringify(tag));
  return [
    "---",
    `title: ${JSON.stringify(story.title)}`,
    `description: "Embargoed until its moment."`,
    `date: ${new Date(moment).toISOString().replace(/\.\d+Z$/, "Z")}`,
    `author: ${sibling.author}`,
    `category: ${sibling.category}`,
    `tags: [${tags.join(", ")}]`,
    "---",
    `The ${story.word} framework, published on the minute.`,
    "",
  ].join("\n");
}

/** `npm run build` of the run's content plus the scheduled story, as an editor's deploy makes it. */
async function build(moment: number) {
  writeE2EContent(contentDir, e2eRunAt());
  writeFileSync(path.join(contentDir, "posts", `${story.slug}.md`), storyFile(moment));
  const child = spawn("npm", ["run", "build"], {
    env: { ...process.env, CONTENT_DIR: contentDir, NEXT_DIST_DIR: distDir, PRERENDER_ARTICLES: "3" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code, `the build failed:\n${output}`).toBe(0);
}

type Surface = { path: string; shows: (response: { status: number; text: string }) => boolean };

const linksTo = (text: string) => text.includes(`/news/${story.slug}`);
/** Everywhere a published story is, and how each shows it. */
const surfaces: Surface[] = [
  { path: `/news/${story.slug}`, shows: ({ status, text }) => status === 200 && text.includes(story.title) },
  { path: `/og/${story.slug}.png`, shows: ({ status }) => status === 200 },
  { path: `/tag/${tagSlug(story.newTag)}`, shows: ({ status, text }) => status === 200 && linksTo(text) },
  ...["/", `/category/${sibling.category}`, `/author/${sibling.author}`, `/tag/${tagSlug(sibling.tags![0]!)}`].map((page) => ({
    path: page,
    shows: ({ text }: { text: string }) => linksTo(text),
  })),
  ...["/feed.xml", "/feed.json", `/category/${sibling.category}/feed.xml`, "/sitemap.xml", "/news-sitemap.xml"].map((feed) => ({
    path: feed,
    shows: ({ text }: { text: string }) => linksTo(text),
  })),
  { path: `/api/search?q=${story.word}`, shows: ({ text }) => linksTo(text) },
  { path: `/search?q=${story.word}`, shows: ({ text }) => linksTo(text) },
  { path: `/news/${sibling.slug}`, shows: ({ text }) => linksTo(text) },
];

async function look(request: APIRequestContext, surface: Surface) {
  const response = await request.get(surface.path);
  return surface.shows({ status: response.status(), text: await response.text() });
}

test("a scheduled story is nowhere before its moment and everywhere within a minute after it, with no rebuild", async () => {
  test.setTimeout(BUILD_MARGIN_MS + LIVE_WITHIN_MS + 120_000);
  const moment = Math.ceil((Date.now() + BUILD_MARGIN_MS) / 1_000) * 1_000;
  await build(moment);
  // Started without the content folder it was built from: it serves what its build holds.
  const server = await startOwnServer({ NEXT_DIST_DIR: distDir, CONTENT_DIR: "artifacts/e2e-content/none", DATABASE_URL: "file:artifacts/e2e-db/scheduled.db" });
  const request = await playwrightRequest.newContext({ baseURL: server.origin });
  try {
    expect(Date.now(), "the build took longer than the margin given to the story's moment").toBeLessThan(moment - 20_000);
    // Each surface twice, so that the cache holds it from before the moment.
    for (const surface of [...surfaces, ...surfaces]) expect(await look(request, surface), `${surface.path} before the moment`).toBe(false);
    expect(Date.now(), "the surfaces were checked before the moment").toBeLessThan(moment);

    await new Promise((resolve) => setTimeout(resolve, moment - Date.now()));
    const missing = async () => {
      const paths: string[] = [];
      for (const surface of surfaces) if (!(await look(request, surface))) paths.push(surface.path);
      return paths;
    };
    let left = await missing();
    while (left.length > 0 && Date.now() < moment + LIVE_WITHIN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      left = await missing();
    }
    expect(left, "surfaces still without the story a minute after its moment").toEqual([]);
  } finally {
    await request.dispose();
    server.kill();
  }
});

test("a server serves and searches exactly what its build holds, whatever CONTENT_DIR it starts with", async () => {
  const other = "tests/fixtures/content/valid";
  const server = await startOwnServer({ CONTENT_DIR: other, DATABASE_URL: "file:artifacts/e2e-db/other-content.db" });
  const request = await playwrightRequest.newContext({ baseURL: server.origin });
  try {
    const home = await (await request.get("/")).text();
    for (const post of published.slice(0, 9)) expect(home).toContain(`/news/${post.slug}`);
    expect(home).not.toContain("/news/etf-flows");
    const found = await (await request.get("/api/search?q=ransomware")).text();
    expect(found).toContain("/news/exchange-freezes-ransomware-gang-funds");
    expect((await request.get("/news/etf-flows")).status()).toBe(404);
    expect(await (await request.get("/api/search?q=etf+flows")).text()).not.toContain("/news/etf-flows");
  } finally {
    await request.dispose();
    server.kill();
  }
});
