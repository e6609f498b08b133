import { type Page, expect, test } from "@playwright/test";
import { published } from "./sample-content";
import {
  articleAsServed,
  commentForm,
  commentFormHtml,
  commentsCli,
  expectOnArticle,
  field,
  regeneratedArticle,
  sendComment,
  serverFormFields,
  signInAsModerator,
} from "./support/comments";
import { expectNoAxeViolations } from "./support/axe";

// Each test comments on its own article, so their comment lists never mix.
const [jsOff, jsOn, moderated, hostile, privacy, refused, audited] = published.map((post) => `/news/${post.slug}`);
const run = Date.now().toString(36);
// Comments approved with `npm run comments` reach the static article when it next regenerates.
test.describe.configure({ timeout: 120_000 });

/** The id `npm run comments -- list` prints first on the line of the comment with this text. */
function idOf(text: string): string {
  const line = commentsCli(["list"])
    .split("\n")
    .find((row) => row.includes(text));
  if (!line) throw new Error(`no comment with "${text}" in the list`);
  return line.split("\t")[0] as string;
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a comment posts, comes back to the article with a message, and waits for moderation", async ({ page }) => {
    await page.goto(jsOff!);
    const section = page.locator("#comments");
    await expect(section).toContainText("Leave a Reply");
    await expect(section).toContainText("Your email address will not be published. Required fields are marked *");
    await expect(field(page, "Email")).toHaveAttribute("required", "");
    // Each field is found by its label alone, as a reader's assistive technology finds it.
    for (const label of ["Comment", "Name", "Email"]) await expect(page.getByLabel(label)).toHaveCount(1);

    await sendComment(page, { name: "No Script Reader", email: `noscript-${run}@example.com`, body: `Posted without JavaScript ${run}` });
    await expect(page).toHaveURL(new RegExp(`${jsOff}$`));
    await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
    await expect(section).not.toContainText(`Posted without JavaScript ${run}`);
    expect(await page.content()).not.toContain(`noscript-${run}@example.com`);

    await page.goto(jsOff!);
    expect(commentsCli(["list", "pending"])).toContain(`Posted without JavaScript ${run}`);
  });

  test("field errors come back next to their fields, with what was typed", async ({ page }) => {
    await page.goto(jsOff!);
    await sendComment(page, { name: "", email: "not-an-email", body: `Kept when refused ${run}` });
    await expect(commentForm(page).getByRole("alert")).toContainText("Please correct the fields marked below");
    const email = field(page, "Email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(`#${await email.getAttribute("aria-describedby")}`)).toHaveText(/valid email address/);
    await expect(page.locator("#comment-name-error")).toHaveText("Please enter your name.");
    await expect(field(page, "Comment")).toHaveValue(`Kept when refused ${run}`);
    expect(commentsCli(["list"])).not.toContain(`Kept when refused ${run}`);
  });

  test("a reply link opens a form that answers that comment, and the reply shows under it", async ({ page }) => {
    await page.goto(jsOff!);
    await sendComment(page, { name: "Parent Reader", email: `parent-${run}@example.com`, body: `A parent without script ${run}` });
    commentsCli(["approve", idOf(`A parent without script ${run}`)]);
    await expectOnArticle(page, jsOff!, `A parent without script ${run}`);

    await page.locator(".comment", { hasText: `A parent without script ${run}` }).getByRole("link", { name: /^Reply/ }).click();
    await expect(page).toHaveURL(/\/reply\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reply to Parent Reader");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await sendComment(page, { name: "Child Reader", email: `child-${run}@example.com`, body: `A reply without script ${run}` });
    await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
    commentsCli(["approve", idOf(`A reply without script ${run}`)]);
    await expectOnArticle(page, jsOff!, `A reply without script ${run}`);
    await expect(page.locator(".comment-list--replies")).toContainText(`A reply without script ${run}`);
  });
});

test("with JavaScript on, the form sends in place, keeps what was typed on an error, and announces the result", async ({ page }) => {
  await page.goto(jsOn!);
  // A full page load would lose this mark.
  await page.evaluate(() => ((window as { __samePage?: boolean }).__samePage = true));

  await sendComment(page, { name: "Script Reader", email: "oops@", body: `Posted with JavaScript ${run}` });
  await expect(page.locator("#comment-email-error")).toHaveText(/valid email address/);
  await expect(commentForm(page).getByRole("alert")).toBeVisible();
  await expect(field(page, "Comment")).toHaveValue(`Posted with JavaScript ${run}`);
  await expect(field(page, "Name")).toHaveValue("Script Reader");

  await sendComment(page, { email: `script-${run}@example.com` });
  await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
  await expect(field(page, "Comment")).toHaveValue("");
  expect(await page.evaluate(() => (window as { __samePage?: boolean }).__samePage)).toBe(true);
  await expect(page).toHaveURL(new RegExp(`${jsOn}$`));
  await expect(page.locator("#comments")).not.toContainText(`Posted with JavaScript ${run}`);
});

test("a moderator signs in, approves a comment, and it appears on the article with a reply under it, without a rebuild", async ({ page, browser }) => {
  await page.goto(moderated!);
  await sendComment(page, { name: "First Reader", email: `first-${run}@example.com`, body: `Worth approving ${run}` });
  await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");

  await signInAsModerator(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comment moderation");
  const item = page.locator("li", { hasText: `Worth approving ${run}` });
  await expect(item).toContainText(`first-${run}@example.com`);
  await item.getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByRole("region", { name: "Published" })).toContainText(`Worth approving ${run}`);

  // A reader who never signed in sees it on the static article.
  const reader = await browser.newPage();
  await expectOnArticle(reader, moderated!, `Worth approving ${run}`);
  const comment = reader.locator(".comment", { hasText: `Worth approving ${run}` });
  await expect(comment.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(reader.locator("#comments-title")).toHaveText("1 comment");
  expect(await reader.content()).not.toContain(`first-${run}@example.com`);

  await comment.getByRole("link", { name: /^Reply/ }).click();
  await expect(reader.locator("#comment-form-title")).toHaveText("Reply to First Reader");
  await sendComment(reader, { name: "Second Reader", email: `second-${run}@example.com`, body: `A reply ${run}` });
  await expect(commentForm(reader).getByRole("status")).toContainText("awaits moderation");
  commentsCli(["approve", idOf(`A reply ${run}`)]);
  await expectOnArticle(reader, moderated!, `A reply ${run}`);
  await expect(reader.locator(".comment-list--replies")).toContainText(`A reply ${run}`);
  await expect(reader.locator("#comments-title")).toHaveText("2 comments");
  await reader.close();
});

/**
 * Moderation on the site regenerates the article at once (README, "Static articles"). On its own an article
 * regenerates only when visited more than 20 s after its last render, and that visit is still served the
 * old copy. So each test starts from a copy rendered moments ago and reads the first response after the
 * action, well inside those 20 s: only the action's revalidation can have changed it. (Next.js renders
 * that response afresh, blocking: a revalidated path serves no stale copy first.)
 */
const moderatedAtOnce = [
  { action: "Approve", doing: "approving", approvedBefore: false, listAfter: "Published", post: published[8]! },
  { action: "Unpublish", doing: "unpublishing", approvedBefore: true, listAfter: "Awaiting moderation", post: published[9]! },
  { action: "Delete", doing: "deleting", approvedBefore: true, listAfter: undefined, post: published[10]! },
] as const;

for (const { action, doing, approvedBefore, listAfter, post } of moderatedAtOnce) {
  test(`${doing} a comment on /admin/comments changes the article's very next response, inside its 20 s regeneration window`, async ({ page, request, baseURL }) => {
    const path = `/news/${post.slug}`;
    const text = `${action} shows at once ${run}`;
    const sent = await request.post("/api/comments", {
      headers: { Origin: new URL(baseURL!).origin },
      data: { postSlug: post.slug, name: `${action} Reader`, email: `${action.toLowerCase()}-${run}@example.com`, body: text, renderedAt: "0" },
    });
    expect(sent.status()).toBe(201);
    const id = idOf(text);
    if (approvedBefore) commentsCli(["approve", id]);
    await signInAsModerator(page);
    const item = page.locator(`li[data-comment-id="${id}"]`);
    await expect(item).toBeVisible();

    const before = await regeneratedArticle(request, path);
    expect(before.html.includes(text), "shown before the action").toBe(approvedBefore);
    await item.getByRole("button", { name: new RegExp(`^${action}`) }).click();
    if (listAfter) await expect(page.getByRole("region", { name: listAfter }).locator(`li[data-comment-id="${id}"]`)).toBeVisible();
    else await expect(item).toHaveCount(0);

    const after = await articleAsServed(request, path);
    expect(Date.now() - before.renderedAt, "ms since the article's last regeneration").toBeLessThan(15_000);
    expect(after.html.includes(text), "shown after the action").toBe(listAfter === "Published");
  });
}

test("a hostile comment renders as inert text", async ({ page, browser }) => {
  const attack = [
    `<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> ${run}`,
    "[click](javascript:window.__pwned=3) javascript:alert(1) &lt;b&gt; **bold**",
    "\u202Egnp.exe https://example.com/a?b=1&c=<x>",
  ].join("\n\n");
  await page.goto(hostile!);
  await sendComment(page, { name: "<b>Mallory</b>\u202E", email: `mallory-${run}@example.com`, body: attack });
  await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
  commentsCli(["approve", idOf(run)]);

  const reader = await browser.newPage();
  await expectOnArticle(reader, hostile!, `<script>window.__pwned = 1</script>`);
  const comment = reader.locator(".comment", { hasText: run });
  await expect(comment.locator("script, img, b, strong")).toHaveCount(0);
  await expect(comment).toContainText("[click](javascript:window.__pwned=3) javascript:alert(1) &lt;b&gt; **bold**");
  await expect(comment.locator(".comment__author")).toHaveText("<b>Mallory</b>");
  const links = comment.locator(".comment__body a");
  await expect(links).toHaveCount(1);
  // The link ends where the "<" starts: that stays text.
  await expect(links).toHaveAttribute("href", "https://example.com/a?b=1&c=");
  await expect(links).toHaveAttribute("rel", "nofollow ugc noopener noreferrer");
  expect(await reader.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await comment.innerText()).not.toContain("\u202E");
  await reader.close();
  // Written into the page once: the page's React payload names the comments rather than carrying them again.
  const served = await (await page.request.get(hostile!)).text();
  expect(served.split(run).length - 1).toBe(1);
});

test.describe("refused", () => {
  test("a wrong password is refused, and no session is given", async ({ page }) => {
    await signInAsModerator(page, "not the password");
    await expect(page.locator(".sign-in").getByRole("alert")).toHaveText("That password is not right.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to moderate comments");
    expect((await page.context().cookies()).length).toBe(0);
  });

  test("the moderation queue without a session shows only the sign-in, and is kept from search engines", async ({ page, request }) => {
    const response = await page.goto("/admin/comments");
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel("Moderator password")).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    expect(await page.content()).not.toContain("@example.com");
    expect(await (await request.get("/robots.txt")).text()).toMatch(/Disallow: \/admin\//);
  });

  test("a moderation action without a session changes nothing", async ({ page, browser }) => {
    await page.goto(refused!);
    await sendComment(page, { name: "Waiting Reader", email: `waiting-${run}@example.com`, body: `Stays pending ${run}` });
    await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
    const id = idOf(`Stays pending ${run}`);

    // The moderator's approve form as the server sends it (action id included), replayed by
    // someone who has no session.
    await signInAsModerator(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comment moderation");
    const queue = await (await page.request.get("/admin/comments")).text();
    const item = queue.match(new RegExp(`<li[^>]*data-comment-id="${id}"[\\s\\S]*?</li>`))?.[0] ?? "";
    const approveForm = item.match(/<form(?:(?!<\/form>)[\s\S])*?value="approve"[\s\S]*?<\/form>/)?.[0] ?? "";
    const fields = serverFormFields(approveForm);
    expect(Object.keys(fields).some((name) => name.startsWith("$ACTION_ID_"))).toBe(true);
    expect(fields).toMatchObject({ id, action: "approve" });
    const origin = new URL(page.url()).origin;
    const stranger = await browser.newContext();
    const replay = await stranger.request.post(`${origin}/admin/comments`, { headers: { Origin: origin }, multipart: fields, maxRedirects: 0 });
    expect(replay.status()).toBe(303);
    expect(replay.headers().location).toBe("/admin/comments");
    expect(commentsCli(["list", "pending"])).toContain(id);
    await stranger.close();

    // The same request from the signed-in moderator does approve it: the session made the difference.
    await page.request.post(`${origin}/admin/comments`, { headers: { Origin: origin }, multipart: fields, maxRedirects: 0 });
    expect(commentsCli(["list", "approved"])).toContain(id);
  });

  test("a comment posted from another site is refused, and nothing is stored", async ({ request, baseURL }) => {
    const form = {
      ...serverFormFields(commentFormHtml(await (await request.get(refused!)).text())),
      name: "Cross Site",
      email: `csrf-${run}@example.com`,
      body: `Sent from elsewhere ${run}`,
      renderedAt: "0",
    };
    const response = await request.post(refused!, { headers: { Origin: "https://evil.example" }, multipart: form });
    expect(response.status()).toBe(403);
    const sameSite = await request.post(refused!, { headers: { Origin: new URL(baseURL!).origin }, multipart: { ...form, body: `Sent from here ${run}` } });
    expect(sameSite.status()).toBe(200);
    const stored = commentsCli(["list"]);
    expect(stored).not.toContain(`Sent from elsewhere ${run}`);
    expect(stored).toContain(`Sent from here ${run}`);
  });

  test("POST /api/comments answers JSON with a status code for each outcome, and never the email", async ({ request, baseURL }) => {
    const post = published[7]!.slug;
    const comment = { postSlug: post, name: "Api Reader", email: `api-${run}@example.com`, body: `Sent as JSON ${run}`, renderedAt: "0" };
    const send = (data: object, origin = new URL(baseURL!).origin) => request.post("/api/comments", { headers: { Origin: origin }, data });

    const created = await send(comment);
    expect(created.status()).toBe(201);
    expect(await created.json()).toMatchObject({ status: "pending", message: expect.stringContaining("awaits moderation") });
    expect((await send(comment)).status()).toBe(409);
    const invalid = await send({ ...comment, email: "api@", body: "x" });
    expect(invalid.status()).toBe(422);
    const text = await invalid.text();
    expect(JSON.parse(text).fieldErrors).toMatchObject({ email: expect.any(String), body: expect.any(String) });
    expect(text).not.toContain("api@");
    expect((await send({ ...comment, postSlug: "no-such-story", body: `Elsewhere ${run}` })).status()).toBe(404);
    expect((await send({ ...comment, body: `Forged ${run}` }, "https://evil.example")).status()).toBe(403);
    expect((await request.post("/api/comments", { headers: { "content-type": "application/json" }, data: "[1, 2" })).status()).toBe(400);
    const stored = commentsCli(["list"]);
    expect(stored).toContain(`Sent as JSON ${run}`);
    expect(stored).not.toContain(`Forged ${run}`);
  });

  test("the honeypot and a duplicate are refused with a message", async ({ page }) => {
    await page.goto(refused!);
    await page.locator('input[name="website"]').fill("http://spam.example", { force: true });
    await sendComment(page, { name: "Bot", email: `bot-${run}@example.com`, body: `Honeypot ${run}` });
    await expect(commentForm(page).getByRole("alert")).toContainText("automated");
    expect(commentsCli(["list"])).not.toContain(`Honeypot ${run}`);

    await page.goto(refused!);
    await sendComment(page, { name: "Echo", email: `echo-${run}@example.com`, body: `Said twice ${run}` });
    await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
    await sendComment(page, { name: "Echo", email: `echo-${run}@example.com`, body: `Said twice ${run}` });
    await expect(commentForm(page).getByRole("alert")).toContainText("already been posted");
  });
});

test("no response of the whole site carries a commenter's email", async ({ page, request }) => {
  await page.goto(privacy!);
  const email = `private-${run}@example.com`;
  await sendComment(page, { name: "Private Reader", email, body: `Approved, and my email stays private ${run}` });
  await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
  commentsCli(["approve", idOf(`my email stays private ${run}`)]);
  await expectOnArticle(page, privacy!, `my email stays private ${run}`);

  const sitemap = await (await request.get("/sitemap.xml")).text();
  const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const paths = [...pages, "/feed.xml", "/feed.json", "/news-sitemap.xml", "/robots.txt", "/api/market", "/search?q=private", "/api/search?q=private", "/admin/comments", "/does-not-exist"];
  expect(pages.length).toBeGreaterThan(20);
  for (const path of paths) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain(email);
    expect(body, path).not.toContain("@example.com");
  }
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations in comments, field errors, the reply page and the moderation queue (${scheme})`, async ({ page, browser }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(audited!);
    await sendComment(page, { name: `Audited ${scheme}`, email: `audit-${run}@example.com`, body: `Checked for accessibility ${scheme} ${run}` });
    await expect(commentForm(page).getByRole("status")).toContainText("awaits moderation");
    await sendComment(page, { name: "", email: "x", body: "" });
    await expect(commentForm(page).getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page);

    const moderatorContext = await browser.newContext({ colorScheme: scheme });
    const moderator = await moderatorContext.newPage();
    await signInAsModerator(moderator);
    await expect(moderator.getByRole("heading", { level: 1 })).toHaveText("Comment moderation");
    // The sign-in's redirect renders the queue before the document's title is back: axe must not see it missing.
    await expect(moderator).toHaveTitle(/Comment moderation/);
    await expectNoAxeViolations(moderator);
    await moderator.locator("li", { hasText: `Checked for accessibility ${scheme} ${run}` }).getByRole("button", { name: /^Approve/ }).click();
    await expect(moderator.getByRole("region", { name: "Published" })).toContainText(`Checked for accessibility ${scheme} ${run}`);
    await moderatorContext.close();

    await expectOnArticle(page, audited!, `Checked for accessibility ${scheme} ${run}`);
    await expectNoAxeViolations(page);
    await page.locator(".comment", { hasText: `Checked for accessibility ${scheme} ${run}` }).getByRole("link", { name: /^Reply/ }).click();
    await expect(page.locator("#comment-form-title")).toHaveText(`Reply to Audited ${scheme}`);
    await expectNoAxeViolations(page);
    // A reply page for a comment that is not approved, or not there, is a real 404.
    expect((await page.goto(`${audited}/reply/AAAAAAAAAAAA`))?.status()).toBe(404);
  });
}
