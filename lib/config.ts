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
  /** Open Graph locale. */
  locale: "en_US",
  /** Square logo in public/, for the publisher in structured data. */
  logo: { path: "/logo.png", width: 512, height: 512 },
  twitterHandle: "@hashlinenews",
  /** RSS's <author> must be an e-mail address: the newsroom's, with the writer's name beside it. */
  newsroomEmail: "newsroom@hashline.news",
  social: [
    { label: "Telegram", href: "https://t.me/hashlinenews" },
    { label: "YouTube", href: "https://www.youtube.com/@hashlinenews" },
    { label: "X", href: "https://x.com/hashlinenews" },
  ],
  /** Where the ticker's figures come from, credited in the footer of every page. */
  marketDataSources: [
    { label: "CoinGecko", href: "https://www.coingecko.com/" },
    { label: "alternative.me's Fear & Greed Index", href: "https://alternative.me/crypto/fear-and-greed-index/" },
  ],
  postsPerPage: 9,
  /** The latest stories in /feed.xml, /feed.json and each category feed. */
  feedSize: 50,
  relatedPostsCount: 3,
  contentDir: env.CONTENT_DIR,
  /** The newest stories prerendered by the build; every other one is rendered on its first request, then cached. */
  prerenderedArticles: env.PRERENDER_ARTICLES,
} as const;
