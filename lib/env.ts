import "server-only";
import { z } from "zod";

const commaList = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z0-9-]+$/, { error: "must be CoinGecko ids such as bitcoin,ethereum" })).min(1).max(20));

const canDecode = (text: string) => {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};

const seconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

// Read and validated once; every other module imports these values from here.
const envSchema = z.object({
  SITE_URL: z
    .url({ protocol: /^https?$/, error: "SITE_URL must be an absolute http(s) URL, e.g. https://example.com" })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  /** Next.js's build folder (next.config.mjs reads the same variable); tools build into others. */
  NEXT_DIST_DIR: z.string().trim().min(1).default(".next"),
  /**
   * How many of the newest stories the build prerenders; the others are rendered on their first request. By
   * default the home page's first pages of stories: each prerendered story adds about 16 ms to every build.
   */
  PRERENDER_ARTICLES: z.coerce.number().int().min(0).max(1_000_000).default(30),
  COINGECKO_API_URL: z
    .url({ protocol: /^https?$/ })
    .default("https://api.coingecko.com/api/v3")
    .transform((url) => url.replace(/\/+$/, "")),
  COINGECKO_API_KEY: z.string().trim().min(1).optional(),
  FEAR_GREED_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.alternative.me/fng/"),
  MARKET_COINS: commaList.default(["bitcoin", "ethereum", "solana", "binancecoin", "ripple"]),
  MARKET_TTL_SECONDS: seconds(30, 86_400),
  MARKET_PROVIDER: z.enum(["live", "snapshot"]).default("live"),
  /** CoinGecko calls per minute for all the site's servers together: the ticker's first, then the table's, then coin pages'. */
  MARKET_UPSTREAM_CALLS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(25),
  /** How often the ticker refreshes in the browser; tests shorten it. */
  MARKET_REFRESH_SECONDS: seconds(30, 3_600),
  /** Comments: PostgreSQL (postgres://…) or an SQLite file (file:path); unset, SQLite in data/. */
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|file:)/, { error: "DATABASE_URL must start with postgres://, postgresql:// or file:" })
    .default("file:data/comments.db"),
  /** Redis, shared by several servers of one build (README, "Several servers"); unset, each server works alone. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379" })
    // As the Redis client reads it: a database number as the only path, and a password that decodes.
    .refine((url) => /^\/?\d*$/.test(new URL(url).pathname), { error: "REDIS_URL's path may only be a database number, e.g. redis://host:6379/0" })
    .refine((url) => canDecode(new URL(url).username) && canDecode(new URL(url).password), { error: "REDIS_URL's user or password is not valid URL encoding" })
    .optional(),
  /** The moderator's password, as `npm run --silent comments -- hash-password` prints it. */
  MODERATOR_PASSWORD_HASH: z.string().trim().min(1).optional(),
  COMMENTS_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  COMMENTS_RATE_WINDOW_SECONDS: seconds(600, 86_400),
  /** A comment sent sooner than this after its form was rendered is held in the spam list. */
  COMMENTS_MIN_SECONDS: z.coerce.number().min(0).max(3_600).default(1),
  /**
   * The newsletter's mail server: smtp://user:password@host:587 (STARTTLS when offered; add
   * ?requireTLS=true to insist) or smtps://…:465 (TLS from the start). Unset, emails are written to
   * NEWSLETTER_OUTBOX_DIR instead, and confirmation links are printed.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465" })
    .refine((url) => canDecode(new URL(url).username) && canDecode(new URL(url).password), { error: "SMTP_URL's user or password is not valid URL encoding" })
    .optional(),
  NEWSLETTER_FROM: z
    .string()
    .trim()
    .regex(/^[^\r\n<>]{0,100}<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/, { error: "NEWSLETTER_FROM must be an address, optionally with a name: Hashline <newsletter@example.com>" })
    .default("Hashline <newsletter@hashline.news>")
    // The From header as given, and the bare address for the SMTP envelope.
    .transform((from) => ({ header: from, address: from.match(/<([^>]+)>$/)?.[1] ?? from })),
  NEWSLETTER_OUTBOX_DIR: z.string().trim().min(1).default("data/outbox"),
  /** Messages per second a digest send hands to the SMTP server, over NEWSLETTER_SMTP_CONNECTIONS connections. */
  NEWSLETTER_SEND_RATE: z.coerce.number().int().min(1).max(100_000).default(50),
  NEWSLETTER_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(3),
  /** Sign-ups a client may make per window, and the window in which an address gets at most one email. */
  NEWSLETTER_SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5),
  NEWSLETTER_SIGNUP_WINDOW_SECONDS: seconds(900, 86_400),
});

function readEnv() {
  // Empty variables count as unset, so `FOO=` falls back to the default rather than failing.
  const defined = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const env = readEnv();

/** `next dev` previews drafts and scheduled posts, as Hugo's --buildDrafts does; builds never do. */
export const previewUnpublished = process.env.NODE_ENV === "development";

/** Set by Next.js in `next build` and its workers. */
export const building = process.env.NEXT_PHASE === "phase-production-build";
