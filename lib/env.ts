import "server-only";
import { z } from "zod";

// Read and validated once; every other module imports these values from here.
const envSchema = z.object({
  SITE_URL: z
    .url({ protocol: /^https?$/, error: "SITE_URL must be an absolute http(s) URL, e.g. https://example.com" })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
});

function readEnv() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const env = readEnv();

/** `next dev` previews drafts and scheduled posts, as Hugo's --buildDrafts does; builds never do. */
export const previewUnpublished = process.env.NODE_ENV === "development";
