import "server-only";
import { env } from "./env";

/** The one site configuration every page reads. */
export const siteConfig = {
  name: "Hashline",
  tagline: "Crypto news, markets and the people moving them",
  description:
    "Independent crypto news: markets, regulation, exchanges, DeFi and the stories behind the price moves.",
  about:
    "Hashline is an independent newsroom covering digital assets. We report what happened, why it matters and what we do not know yet. We hold no tokens we write about.",
  url: env.SITE_URL,
  language: "en",
  social: [
    { label: "Telegram", href: "https://t.me/hashlinenews" },
    { label: "YouTube", href: "https://www.youtube.com/@hashlinenews" },
    { label: "X", href: "https://x.com/hashlinenews" },
  ],
  postsPerPage: 9,
  relatedPostsCount: 3,
  contentDir: env.CONTENT_DIR,
} as const;
