import { fileURLToPath } from "node:url";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";

const production = process.env.NODE_ENV === "production";

/**
 * The Content-Security-Policy. Pages are prerendered once and served as files, so a per-request nonce
 * is impossible, and Next.js inlines a different bootstrap script into every page, so no fixed hash list
 * covers them: scripts therefore allow 'unsafe-inline' (from this origin only; no eval outside dev).
 * Styles allow 'unsafe-inline' for the style attributes React and next/image write.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  // No data: images (nor CSS backgrounds or next/image blur placeholders as data: URLs): none are used, and a
  // header value with a colon is compiled as a path pattern on every request (Next.js's headers() with a path
  // parameter), a cost paid by every page served.
  "img-src 'self'",
  "font-src 'self'",
  `connect-src 'self'${production ? "" : " ws:"}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The build benchmark builds into its own folder so it never replaces the site's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  images: {
    // Next.js's defaults but the two widest (2048, 3840): no layout here shows an image wider than 60rem, 1920 pixels
    // at twice the density. Each width is written twice into a page for its lead image (its preload and srcset).
    deviceSizes: [640, 750, 828, 1080, 1200, 1920],
  },
  // An ETag is a hash of the whole page computed in JavaScript on every request (a fifth of the time an
  // article took to serve); pages are small and cached by nginx and CDNs, which revalidate by age instead.
  generateEtags: false,
  // Server-only libraries of many small modules (the Markdown pipeline above all), loaded by Node from
  // node_modules rather than bundled into each route: compiling them again per route was most of a build's
  // fixed cost. Servers run from the repository's node_modules anyway.
  serverExternalPackages: [
    "remark", "remark-rehype", "unist-util-visit", "hast-util-raw",
    "rehype-sanitize", "rehype-slug", "rehype-external-links", "rehype-stringify",
    "mdast-util-gfm-autolink-literal", "mdast-util-gfm-footnote", "mdast-util-gfm-strikethrough",
    "mdast-util-gfm-table", "mdast-util-gfm-task-list-item", "micromark-extension-gfm-footnote",
    "micromark-extension-gfm-strikethrough", "micromark-extension-gfm-table", "micromark-extension-gfm-task-list-item",
    "gray-matter", "js-yaml", "xmlbuilder2", "kysely", "linkify-it", "slugify", "fastest-levenshtein", "redis",
    "rate-limiter-flexible", "lightningcss", "zod", "nodemailer",
  ],
  experimental: {
    // Internal links are plain <a> (no next/link), so there is no client-side prefetching: measuring and
    // inlining prefetch segments would only cost every prerendered page a gzip pass.
    prefetchInlining: false,
    // Builds start from a clean checkout (CI, deploys): writing Turbopack's cache to disk added 2 to 3 s to
    // every such build and ran during page generation, holding the compiler's memory until it finished.
    turbopackFileSystemCacheForBuild: false,
    // Server code is read once per process from local disk, where minifying it saves nothing a reader sees;
    // it cost every build about half a second.
    serverMinification: false,
  },
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // Page 1 of a list lives at the list's own URL; /page/1 is not a second copy of it.
  async redirects() {
    return [
      { source: "/page/1", destination: "/", permanent: true },
      { source: "/:kind(category|tag|author)/:slug/page/1", destination: "/:kind/:slug", permanent: true },
    ];
  },
};

/**
 * Next.js's page cache with the site's rules (lib/cache/page-cache-handler.mjs): scheduled stories go live on the
 * minute, 404s are not kept, a fleet shares pages in Redis. Named here for the build alone: a server calls import()
 * on a named handler for every request it serves (the module is cached; the call alone took a fifth of an
 * article's serving time), so servers install it once at start instead (instrumentation.ts).
 * @param {string} phase
 */
export default function config(phase) {
  if (phase !== PHASE_PRODUCTION_BUILD) return nextConfig;
  return { ...nextConfig, cacheHandler: fileURLToPath(new URL("./lib/cache/page-cache-handler.mjs", import.meta.url)) };
}
