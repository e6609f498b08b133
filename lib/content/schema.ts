import { z } from "zod";
import { coinIdSchema } from "./coins";
import { lastMomentOf, toTimestamp } from "./dates";

/** Lowercase letters and digits in words joined by single hyphens: `eth-etf-flows`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = (what: string) =>
  z.string().regex(SLUG_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is not a valid ${what}: use lowercase letters, digits and single hyphens`,
  });

const text = (max: number) => z.string().trim().min(1).max(max);

/** ISO 8601 date (2024-03-01) or date-time (2024-03-01T09:30:00Z); zod rejects impossible days such as 2024-02-30. */
const contentDate = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
  error: (issue) =>
    issue.input === undefined
      ? "is required"
      : `"${String(issue.input)}" is not a real date; write it as YYYY-MM-DD (2024-03-01) or an ISO 8601 date-time (2024-03-01T09:30:00Z)`,
});

/** Image paths are site-relative files under public/, e.g. /images/etf-flows.jpg. */
const imagePath = z.string().regex(/^\/(?!\/)[^\s?#]+\.(?:avif|gif|jpe?g|png|webp)$/i, {
  error: (issue) =>
    `"${String(issue.input)}" must be a path to an image in public/, starting with "/", e.g. /images/etf-flows.jpg`,
});

const tag = z
  .union([z.string(), z.number()], { error: "each tag must be text" })
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1).max(60));

/** For a rule across fields: true when none of these fields has a problem of its own. */
function fieldsValid(...fields: string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
}

export const postFrontmatterSchema = z
  .strictObject({
    title: text(160),
    description: text(320),
    date: contentDate,
    updated: contentDate.optional(),
    author: slug("author slug"),
    category: slug("category slug"),
    tags: z.array(tag).max(20).default([]),
    image: imagePath.optional(),
    imageAlt: text(300).optional(),
    draft: z.boolean().default(false),
    related: z.array(slug("post slug")).max(10).default([]),
    /** Coins the story is about, beyond those its tags and cashtags name; a coin listed twice counts once. */
    coins: z
      .array(coinIdSchema)
      .max(20)
      .default([])
      .transform((ids) => [...new Set(ids)]),
    /** Where the story first appeared, when it is republished here; search engines credit that URL. */
    canonical: z
      .url({
        protocol: /^https?$/,
        error: (issue) => `"${String(issue.input)}" must be an absolute http(s) URL, e.g. https://example.com/story`,
      })
      .optional(),
  })
  // These rules compare fields, and run even when other fields are wrong, so an editor sees every problem
  // at once; not when a field they compare is wrong itself.
  .superRefine(
    (post, ctx) => {
      if (post.image && !post.imageAlt) {
        ctx.addIssue({
          code: "custom",
          path: ["imageAlt"],
          message: "is required when there is an image: describe what the image shows",
        });
      }
    },
    { when: fieldsValid("image", "imageAlt") },
  )
  .superRefine(
    (post, ctx) => {
      // "updated: 2024-03-01" on a post dated 2024-03-01T09:30Z is the same day, not before it.
      if (post.updated && lastMomentOf(post.updated) < toTimestamp(post.date)) {
        ctx.addIssue({
          code: "custom",
          path: ["updated"],
          message: `"${post.updated}" is before the post's date "${post.date}"`,
        });
      }
    },
    { when: fieldsValid("date", "updated") },
  );

// Not strict, unlike a post's: an author file needs at least a name, and may carry more (a handle, an avatar).
export const authorFrontmatterSchema = z.object({
  name: text(100),
  role: text(100).optional(),
});

export const categorySchema = z.strictObject({
  slug: slug("category slug"),
  name: text(60),
  description: text(300),
});

export const categoriesFileSchema = z.array(categorySchema, { error: "must be a list of categories" }).min(1, {
  error: "lists no categories",
});

export type PostFrontmatter = z.infer<typeof postFrontmatterSchema>;
export type AuthorFrontmatter = z.infer<typeof authorFrontmatterSchema>;
export type Category = z.infer<typeof categorySchema>;
