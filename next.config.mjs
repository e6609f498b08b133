/** @type {import('next').NextConfig} */
const nextConfig = {
  // The build benchmark builds into its own folder so it never replaces the site's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Page 1 of a list lives at the list's own URL; /page/1 is not a second copy of it.
  async redirects() {
    return [
      { source: "/page/1", destination: "/", permanent: true },
      { source: "/:kind(category|tag|author)/:slug/page/1", destination: "/:kind/:slug", permanent: true },
    ];
  },
};

export default nextConfig;
