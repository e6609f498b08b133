import { readFileSync, readdirSync, rmSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { published } from "./sample-content";
import { commentForm, sendComment } from "./support/comments";
import { startOwnServer } from "./support/own-server";

// The main build prerenders only the newest PRERENDER_ARTICLES stories (playwright.config.ts sets a few): the
// archive is rendered on its first request, and must read exactly as a prerendered story does.
const buildDir = ".next";
const newest = published[0]!;
/** The build's prerendered routes: read once its server is up, since test files load before the build. */
const prerendered = () => new Set(Object.keys(JSON.parse(readFileSync(`${buildDir}/prerender-manifest.json`, "utf8")).routes));
/** The published stories the build did not prerender, newest first. */
const archived = () => published.filter((post) => !prerendered().has(`/news/${post.slug}`));
const run = Date.now().toString(36);

/** What a search engine or a social network reads from an article's head, and its structured data. */
async function headOf(page: Page) {
  return page.evaluate(() => ({
    title: document.title,
    meta: [...new Set([...document.head.querySelectorAll("meta[name], meta[property]")].map((meta) => meta.getAttribute("name") ?? meta.getAttribute("property")))].sort(),
    canonical: document.head.querySelector('link[rel="canonical"]')?.getAttribute("href"),
    // Each script holds one object or a list of them.
    jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => JSON.parse(script.textContent ?? "[]")),
  }));
}

test("the build prerendered the newest stories only", () => {
  expect(prerendered().has(`/news/${newest.slug}`)).toBe(true);
  expect(archived().length).toBeGreaterThan(published.length / 2);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("an old story renders on its first request with the metadata, JSON-LD, comments and cache headers of a prerendered one", async ({ page, request }) => {
    // Both without a cover image, whose tags differ from a generated social image's.
    const old = archived().filter((post) => !post.image).at(-1)!;
    const model = published.find((post) => prerendered().has(`/news/${post.slug}`) && !post.image)!;
    const first = await page.goto(`/news/${old.slug}`);
    expect(first?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText(old.title);
    await expect(page.getByRole("heading", { name: "You might like" })).toBeVisible();
    await expect(commentForm(page)).toBeVisible();
    const head = await headOf(page);
    expect(head.title).toBe(`${old.title} | Hashline`);
    expect(head.canonical).toMatch(new RegExp(`/news/${old.slug}$`));
    expect(head.jsonLd.find((data) => data["@type"] === "NewsArticle")).toMatchObject({ headline: old.title });

    await page.goto(`/news/${model.slug}`);
    const prerenderedHead = await headOf(page);
    expect(head.meta).toEqual(prerenderedHead.meta);
    expect(head.jsonLd.map((data) => data["@type"])).toEqual(prerenderedHead.jsonLd.map((data) => data["@type"]));

    const again = await request.get(`/news/${old.slug}`);
    const prerenderedHeaders = (await request.get(`/news/${model.slug}`)).headers();
    expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(again.headers()["cache-control"]).toBe(prerenderedHeaders["cache-control"]);
  });

  test("listing pages past the first render on request; made-up stories and pages answer 404 and are not kept", async ({ request }) => {
    expect((await request.get("/page/2")).status()).toBe(200);
    const madeUp = Array.from({ length: 25 }, (_, index) => [
      `/news/made-up-${run}-${index}`,
      `/og/made-up-${run}-${index}.png`,
      `/tag/made-up-${run}-${index}`,
      `/page/${90_000 + index}`,
      `/category/${published[0]!.category}/page/${90_000 + index}`,
      `/category/made-up-${run}-${index}/feed.xml`,
      `/sitemaps/${90_000 + index}.xml`,
    ]).flat();
    for (const path of madeUp) expect((await request.get(path)).status(), path).toBe(404);
    const kept = readdirSync(`${buildDir}/server`, { recursive: true, encoding: "utf8" }).filter((file) => file.includes(`made-up-${run}`) || /\/(page|sitemaps)\/9\d{4}/.test(file));
    expect(kept).toEqual([]);
  });
});

test("with JavaScript on, an old story's comment form sends in place", async ({ page }) => {
  const old = archived().at(-2)!;
  await page.goto(`/news/${old.slug}`);
  await sendComment(page, { name: "Archive Reader", email: `archive-${run}@example.com`, body: `On an old story ${run}` });
  await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
});

test("after a restart with its page cache emptied, the server renders the archive again", async () => {
  const old = archived().at(-3)!;
  // One server on its own (even where the suite runs with REDIS_URL): its page cache is the one on disk.
  const env = { DATABASE_URL: "file:artifacts/e2e-db/emptied-cache.db", REDIS_URL: "" };
  /** The old story twice, one request after the other: the second time from the page cache. */
  const readOld = async (origin: string) => {
    const caches: (string | null)[] = [];
    for (const _ of [1, 2]) {
      const response = await fetch(`${origin}/news/${old.slug}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(old.title);
      caches.push(response.headers.get("x-nextjs-cache"));
    }
    return caches;
  };
  let server = await startOwnServer(env);
  try {
    expect((await readOld(server.origin))[1]).toBe("HIT");
    server.kill();
    // What the servers rendered and kept on disk; the build's own pages stay.
    rmSync(`${buildDir}/server/route-cache`, { recursive: true, force: true });
    server = await startOwnServer(env);
    expect(await readOld(server.origin)).toEqual(["MISS", "HIT"]);
  } finally {
    server.kill();
  }
});
