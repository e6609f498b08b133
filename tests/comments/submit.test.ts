import { describe, expect, it, vi } from "vitest";
import { approvedComments, commentsByStatus } from "@/lib/comments/queries";
import { addComment, tempSqliteUrl } from "../support/comments-db";

// lib/env.ts reads the environment once, when first imported: set it, then import the modules.
vi.stubEnv("DATABASE_URL", tempSqliteUrl());
vi.stubEnv("CONTENT_DIR", "tests/fixtures/content/valid");
vi.stubEnv("COMMENTS_RATE_LIMIT", "3");
vi.stubEnv("COMMENTS_RATE_WINDOW_SECONDS", "600");
vi.stubEnv("COMMENTS_MIN_SECONDS", "3");
const { submitComment } = await import("@/lib/comments/submit");
const db = await (await import("@/lib/database/db")).siteDatabase();

const NOW = Date.UTC(2025, 5, 1, 12);
let sent = 0;
let clients = 0;
const newClient = () => `203.0.113.${++clients}`;

/**
 * Sends a good comment, changed by `fields` (undefined leaves a field out), from a new client
 * unless one is given. Whatever happens, the email must not come back.
 */
async function send(fields: Record<string, string | undefined> = {}, client = newClient(), now = NOW) {
  const n = ++sent;
  const values = {
    postSlug: "etf-flows",
    name: "Ada Lovelace",
    email: `reader.${n}.secret@example.com`,
    body: `Comment ${n}: the flows look seasonal to me.`,
    renderedAt: String(now - 10_000),
    website: "",
    ...fields,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) form.append(name, value);
  const state = await submitComment(form, client, now);
  if (values.email) expect(JSON.stringify(state).toLowerCase()).not.toContain(values.email.trim().toLowerCase());
  expect(state.values ?? {}).not.toHaveProperty("email");
  return { state, ...values };
}

const stored = async (body: string) => (await commentsByStatus(db)).filter((comment) => comment.body === body);
const storedCount = async () => (await commentsByStatus(db)).length;

/** Runs `send` and checks it was refused with `message` and stored nothing. */
async function expectRefused(message: string | RegExp, ...args: Parameters<typeof send>) {
  const before = await storedCount();
  const result = await send(...args);
  expect(result.state.status).toBe("error");
  expect(result.state.message).toMatch(message);
  expect(await storedCount()).toBe(before);
  return result;
}

describe("submitComment", () => {
  it("stores a good comment as pending, out of public view, and thanks the reader", async () => {
    const { state, body, email } = await send();
    expect(state).toEqual({ status: "pending", message: "Thank you! Your comment has been received and awaits moderation." });
    const [comment, ...others] = await stored(body);
    expect(others).toEqual([]);
    expect(comment).toMatchObject({ postSlug: "etf-flows", parentId: null, authorName: "Ada Lovelace", authorEmail: email, status: "pending" });
    expect(comment?.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(await approvedComments(db, "etf-flows")).toEqual([]);
  });

  it("stores the cleaned text: trimmed, LF line ends, no direction tricks or control characters", async () => {
    await send({ name: "  \u202EAda\u0007  ", email: "  Ada@Example.com ", body: "  First line\r\nsecond\u202E line\r\n\r\nNew\u0000 paragraph  " });
    const [comment] = await stored("First line\nsecond line\n\nNew paragraph");
    expect(comment).toMatchObject({ authorName: "Ada", authorEmail: "Ada@Example.com" });
  });

  it("takes only the text fields from the form: never an id, a status or a time", async () => {
    const { body } = await send({ id: "Ab3_-xYz0123", status: "approved", createdAt: "2000-01-01T00:00:00.000Z" });
    const [comment] = await stored(body);
    expect(comment?.id).not.toBe("Ab3_-xYz0123");
    expect(comment?.status).toBe("pending");
    expect(comment?.createdAt).not.toBe("2000-01-01T00:00:00.000Z");
  });

  it("refuses a form whose honeypot is filled, storing nothing", async () => {
    const { state } = await expectRefused("This comment looks automated and was not sent.", { website: "http://cheap-pills.example" });
    expect(state.values).toBeUndefined();
  });

  describe("the minimum time between showing the form and sending it", () => {
    it("holds a form sent sooner than COMMENTS_MIN_SECONDS in the spam list, telling the sender nothing different", async () => {
      for (const renderedAt of [NOW, NOW - 2_999, NOW + 60_000]) {
        const { state, body } = await send({ renderedAt: String(renderedAt) });
        expect(state).toEqual({ status: "pending", message: "Thank you! Your comment has been received and awaits moderation." });
        expect((await stored(body)).map((comment) => comment.status)).toEqual(["spam"]);
      }
      const { body } = await send({ renderedAt: String(NOW - 3_000) });
      expect((await stored(body)).map((comment) => comment.status)).toEqual(["pending"]);
    });

    it("refuses a form without a render time", async () => {
      await expectRefused(/^This form is out of date/, { renderedAt: undefined });
    });

    // An empty field must not read as 0 (1 January 1970), which would pass the check.
    it("refuses an empty render time as it refuses a missing one", async () => {
      await expectRefused(/^This form is out of date/, { renderedAt: "" });
    });
  });

  it("allows COMMENTS_RATE_LIMIT comments per client per window, then refuses that client only", async () => {
    const client = newClient();
    for (let i = 0; i < 3; i++) expect((await send({}, client, NOW + i)).state.status).toBe("pending");
    const { state, name, body } = await expectRefused(/^You have sent several comments in a short time/, {}, client, NOW + 3);
    expect(state.values).toEqual({ name, body });
    expect((await send({}, newClient(), NOW + 4)).state.status).toBe("pending");
    // The window slides: 600 seconds after the first comment its slot is free again, and only that one.
    await expectRefused(/^You have sent several comments/, {}, client, NOW + 599_999);
    expect((await send({}, client, NOW + 600_000)).state.status).toBe("pending");
    await expectRefused(/^You have sent several comments/, {}, client, NOW + 600_000);
  });

  it("refuses the same text twice on one article, however it was typed, but not on another", async () => {
    const body = "Same words, sent twice.";
    expect((await send({ body })).state.status).toBe("pending");
    await expectRefused("This exact comment has already been posted on this article.", { body: `  Same words,\u202E sent twice.\r\n` });
    expect((await send({ body, postSlug: "sec-ruling" })).state.status).toBe("pending");
    expect(await stored(body)).toHaveLength(2);
  });

  it("refuses a text already there in any state, such as spam", async () => {
    const spam = await addComment(db, { status: "spam", body: "Buy my coin now!" });
    await expectRefused("This exact comment has already been posted on this article.", { body: spam.body });
  });

  it("refuses comments on unknown, draft and scheduled articles", async () => {
    for (const postSlug of ["no-such-story", "unfinished-story", "future-story"]) {
      const { state } = await expectRefused("Comments are open on published articles only.", { postSlug });
      expect(state.values).toBeUndefined();
    }
    await expectRefused("This article does not exist.", { postSlug: "../etc/passwd" });
  });

  it("accepts a reply to an approved top-level comment on the same article", async () => {
    const parent = await addComment(db, { status: "approved" });
    const { state, body } = await send({ parentId: parent.id });
    expect(state.status).toBe("pending");
    expect((await stored(body))[0]?.parentId).toBe(parent.id);
  });

  it("refuses a reply to a comment that is unknown, not approved, on another article or itself a reply", async () => {
    const approved = await addComment(db, { status: "approved" });
    const targets = {
      unknown: "Ab3_-xYz0123",
      pending: (await addComment(db)).id,
      spam: (await addComment(db, { status: "spam" })).id,
      "on another article": (await addComment(db, { status: "approved", postSlug: "sec-ruling" })).id,
      "a reply": (await addComment(db, { status: "approved", parentId: approved.id })).id,
    };
    for (const [target, parentId] of Object.entries(targets)) {
      const { state, name, body } = await expectRefused("The comment you are replying to is not available.", { parentId });
      // The form is refilled as a top-level comment, so it can still be sent.
      expect(state.values, target).toEqual({ name, body });
    }
  });

  // A hidden field tampered with or lost still gets a sentence written for readers.
  it("explains every refusal in a sentence, even of a tampered form", async () => {
    for (const fields of [{ postSlug: undefined }, { parentId: "../../admin" }, { renderedAt: "soon" }]) {
      const { state } = await expectRefused(/./, fields);
      expect(state.message, Object.keys(fields)[0]).toMatch(/^[A-Z][^]*[.!?]$/);
      expect(state.message).not.toMatch(/invalid input/i);
    }
  });

  it("names each faulty field, with the overall message above them, and refills the form", async () => {
    const { state } = await expectRefused("Please correct the fields marked below.", { name: " ", email: "ada@", body: "x" });
    expect(state.fieldErrors).toEqual({
      name: "Please enter your name.",
      email: "Please enter a valid email address, like name@example.com.",
      body: "Your comment must be at least 2 characters.",
    });
    expect(state.values).toEqual({ name: " ", body: "x" });
  });

  it("reports fields left out of the form, and files sent in place of text, as missing", async () => {
    const { state } = await expectRefused("Please correct the fields marked below.", { name: undefined, email: undefined, body: undefined });
    expect(state.fieldErrors).toEqual({ name: "Please enter your name.", email: "Please enter your email.", body: "Please enter your comment." });
    const form = new FormData();
    for (const [key, value] of Object.entries({ postSlug: "etf-flows", name: "Ada", email: "ada@example.com", renderedAt: String(NOW - 10_000) })) form.append(key, value);
    form.append("body", new Blob(["<script>alert(1)</script>"]), "comment.html");
    const result = await submitComment(form, newClient(), NOW);
    expect(result.fieldErrors).toEqual({ body: "Please enter your comment." });
    expect(JSON.stringify(result)).not.toContain("ada@example.com");
  });

  it("never sends the email back, even when only the email is at fault", async () => {
    const email = "  Not An Email  ";
    const { state } = await expectRefused("Please correct the fields marked below.", { email });
    expect(JSON.stringify(state)).not.toContain("Not An Email");
    expect(state.fieldErrors).toEqual({ email: "Please enter a valid email address, like name@example.com." });
  });

  // X-Forwarded-For can be forged where no proxy sets it, so a flood from ever-new addresses must
  // still meet a ceiling: twenty addresses' worth (3 × 20 here) for the whole site per window.
  // Last: it fills the site's window, and the limiter counts comments "from the future" as recent.
  it("takes at most twenty clients' worth of comments from everyone together per window, then refuses any new client", async () => {
    // A day after the other tests, so their comments are out of this window.
    const start = NOW + 86_400_000;
    for (let i = 0; i < 60; i++) expect((await send({}, newClient(), start + i)).state.status, `comment ${i + 1}`).toBe("pending");
    const { state } = await expectRefused(/^You have sent several comments in a short time/, {}, newClient(), start + 60);
    expect(state.reason).toBe("rate-limited");
    // The ceiling slides like the per-client limit: the first comment's slot frees 600 seconds on.
    await expectRefused(/^You have sent several comments/, {}, newClient(), start + 599_999);
    expect((await send({}, newClient(), start + 600_000)).state.status).toBe("pending");
  });
});
