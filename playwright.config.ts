import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
/** The editors' preview (`next dev`), for the tests of drafts and scheduled posts. */
export const previewURL = `http://127.0.0.1:${port + 1}`;
/** The fake CoinGecko and alternative.me: a real server on loopback serving recorded answers. */
export const upstreamURL = `http://127.0.0.1:${port + 2}`;
/** A second build, of content whose every text field is hostile (tests/support/write-hostile-content.ts). */
export const hostileURL = `http://127.0.0.1:${port + 3}`;

/** The site under test reads its market data from the fake upstream, with short TTLs. */
const siteEnv = {
  COINGECKO_API_URL: `${upstreamURL}/api/v3`,
  FEAR_GREED_API_URL: `${upstreamURL}/fng/`,
  MARKET_TTL_SECONDS: "2",
  MARKET_REFRESH_SECONDS: "2",
  NEXT_TELEMETRY_DISABLED: "1",
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "artifacts/e2e",
  // One worker: the market tests count the calls the site makes to the one fake upstream, and a
  // ticker refreshing in a parallel test would add its own.
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
  },
  webServer: [
    {
      command: `npx tsx tests/support/fake-upstream-server.ts ${port + 2}`,
      url: `${upstreamURL}/__stats`,
      reuseExistingServer: !process.env.CI,
    },
    {
      // The production build the site ships, sample content and all.
      command: `npm run build && npx next start -H 127.0.0.1 -p ${port}`,
      url: baseURL,
      env: siteEnv,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command:
        "npx tsx tests/support/write-hostile-content.ts artifacts/hostile-content && " +
        `npx next build && npx next start -H 127.0.0.1 -p ${port + 3}`,
      url: hostileURL,
      // The fake upstream's call counts belong to the main site alone: this one serves the snapshot.
      env: { ...siteEnv, MARKET_PROVIDER: "snapshot", CONTENT_DIR: "artifacts/hostile-content", NEXT_DIST_DIR: ".next-hostile" },
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx next dev -H 127.0.0.1 -p ${port + 1}`,
      url: previewURL,
      env: { ...siteEnv, MARKET_PROVIDER: "snapshot" },
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
