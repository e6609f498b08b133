import { z } from "zod";

export const commentStatuses = ["pending", "approved", "spam"] as const;
export const commentStatusSchema = z.enum(commentStatuses);
export type CommentStatus = z.infer<typeof commentStatusSchema>;

/** What each moderation action, on the site or in the CLI, makes of a comment; "delete" removes it. */
export const statusAfter = { approve: "approved", unpublish: "pending", spam: "spam" } as const satisfies Record<string, CommentStatus>;
export const moderationActionSchema = z.enum(["approve", "unpublish", "spam", "delete"]);
export type ModerationAction = z.infer<typeof moderationActionSchema>;

export const commentLimits = { nameMax: 80, bodyMin: 2, bodyMax: 5_000, emailMax: 254 } as const;

/** Server-made ids: random, so they reveal nothing and cannot be guessed. */
const commentIdPattern = /^[A-Za-z0-9_-]{12}$/;
export const commentIdSchema = z.string().regex(commentIdPattern, { error: "is not a comment id" });

// Bidirectional overrides and isolates can make text read backwards (a "look-alike" trick), and
// control characters have no place in a name or a comment; line breaks and tabs are kept.
// Zero-width spaces and word joiners hide nothing a reader needs (joiners that build emoji and
// scripts, U+200C and U+200D, stay).
const invisibleTricks =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const cleanText = (value: string) =>
  value.normalize("NFC").replace(/\r\n?/g, "\n").replace(invisibleTricks, "").trim();

const text = (field: string) =>
  z.string({ error: `Please enter your ${field}.` }).transform(cleanText);

const staleForm = "This form is out of date: please reload the page and send your comment again.";
/** What a reader's form may carry. Ids, statuses and times are never taken from it. */
export const commentFormSchema = z.object({
  postSlug: z
    .string({ error: "This article does not exist." })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "This article does not exist." }),
  parentId: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.string().regex(commentIdPattern, { error: "The comment you are replying to is not available." }).optional()),
  // A name is one line of something visible.
  name: text("name")
    .transform((name) => name.replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .refine((name) => /[\p{L}\p{N}\p{S}\p{P}]/u.test(name), { error: "Please enter your name." })
        .max(commentLimits.nameMax, { error: `Your name can be at most ${commentLimits.nameMax} characters.` }),
    ),
  email: text("email").pipe(
    z
      .string()
      .min(1, { error: "Please enter your email address." })
      .max(commentLimits.emailMax, { error: "This email address is too long." })
      .pipe(z.email({ error: "Please enter a valid email address, like name@example.com." })),
  ),
  body: text("comment").pipe(
    z
      .string()
      .min(1, { error: "Please write a comment." })
      .min(commentLimits.bodyMin, { error: `Your comment must be at least ${commentLimits.bodyMin} characters.` })
      .max(commentLimits.bodyMax, {
        error: `Your comment can be at most ${commentLimits.bodyMax.toLocaleString("en")} characters.`,
      }),
  ),
  /** The honeypot: hidden from people, filled in by form-filling bots. */
  website: z.string().optional(),
  /** When the form was rendered (ms since epoch), for the minimum-time check. */
  renderedAt: z
    .string({ error: staleForm })
    .regex(/^\d{1,15}$/, { error: staleForm })
    .transform(Number),
});
export type CommentField = "name" | "email" | "body";

/** One comment as `npm run comments -- export` writes it and `import` reads it back. */
export const commentRecordSchema = z.strictObject({
  id: commentIdSchema,
  postSlug: z.string().min(1).max(200),
  parentId: commentIdSchema.nullable(),
  authorName: z.string().min(1).max(commentLimits.nameMax),
  authorEmail: z.email().max(commentLimits.emailMax),
  body: z.string().min(commentLimits.bodyMin).max(commentLimits.bodyMax),
  status: commentStatusSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CommentRecord = z.infer<typeof commentRecordSchema>;
export const commentBackupSchema = z.strictObject({
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  comments: z.array(commentRecordSchema),
});
export type CommentBackup = z.infer<typeof commentBackupSchema>;
