import { execFileSync } from "node:child_process";
import { type APIRequestContext, expect, type Page } from "@playwright/test";

/** The moderator of the end-to-end site signs in with this password; its hash is in the site's env. */
export const moderatorPassword = "e2e moderator password";
export const moderatorPasswordHash = "scrypt:131072:8:1:LpvJm9Wgq3Z-M9o14Aguzw:FKTjV8qUVOXE8Q-4-zZtL_ThHO6rmBzW8XiuSBCOQhY";

/** The end-to-end site's comment database: fresh for every run (playwright.config.ts). */
export const commentsDatabaseFile = "artifacts/e2e-db/comments.db";

/** `npm run comments -- …` against a site's database (the main site's unless given), as an editor runs it. */
export function commentsCli(args: string[], databaseUrl = `file:${commentsDatabaseFile}`, env: Record<string, string> = {}): string {
  return execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/comments.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    encoding: "utf8",
  });
}

/** The comment form, where its own status and alert live (Next.js's route announcer is an alert too). */
export const commentForm = (page: Page) => page.locator("#comment-form");

/** A field of the comment form by its accessible name (the label, less its "*"). */
export const field = (page: Page, name: "Comment" | "Name" | "Email") => commentForm(page).getByRole("textbox", { name, exact: true });

/** The comment form fills and sends as a reader would: the minimum time since the page was shown passes first. */
export async function sendComment(page: Page, fields: { name?: string; email?: string; body?: string }) {
  if (fields.body !== undefined) await field(page, "Comment").fill(fields.body);
  if (fields.name !== undefined) await field(page, "Name").fill(fields.name);
  if (fields.email !== undefined) await field(page, "Email").fill(fields.email);
  await page.waitForTimeout(1_100);
  await page.getByRole("button", { name: "Post Comment" }).click();
}

export async function signInAsModerator(page: Page, password = moderatorPassword) {
  await page.goto("/admin/comments");
  await page.getByLabel("Moderator password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Reloads the article until the text shows: pages regenerate on demand, not at once. */
export async function expectOnArticle(page: Page, path: string, text: string, timeout = 60_000) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.locator("#comments")).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
}

/** An article as the server serves it now, and when that copy was rendered (its comment form carries the moment). */
export async function articleAsServed(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  const renderedAt = Number(html.match(/name="renderedAt" value="(\d+)"/)?.[1]);
  if (!renderedAt) throw new Error(`${path} carries no render time`);
  return { html, renderedAt };
}

/**
 * The article once the server has regenerated it since `since`: a request more than 20 s after its last
 * render (`revalidate` of app/news/[slug]/page.tsx) is served the old copy and renders a new one behind it.
 * Until 20 s after the copy returned, nothing but an explicit revalidation renders the article again.
 */
export async function regeneratedArticle(request: APIRequestContext, path: string, since = Date.now()) {
  let article = await articleAsServed(request, path);
  await expect(async () => {
    article = await articleAsServed(request, path);
    expect(article.renderedAt).toBeGreaterThanOrEqual(since);
  }).toPass({ timeout: 30_000, intervals: [1_000] });
  return article;
}

export { commentFormHtml, serverFormFields } from "../../support/forms";
