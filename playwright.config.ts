import { defineConfig } from "@playwright/test";
import { commentsDatabaseFile, moderatorPasswordHash } from "./tests/e2e/support/comments";
import { freePortsForThisRun } from "./tests/e2e/support/ports";

// Ports nobody else listens on, so that runs side by side on one machine never share a server. Picked
// once, by the main process; its workers, which evaluate this file again, inherit them.
const [port, previewPort, upstreamPort, hostilePort] = freePortsForThisRun("E2E_PORTS", 4);
const baseURL = `http://127.0.0.1:${port}`;
/** The editors' preview (`next dev`), for the tests of drafts and scheduled posts. */
export const previewURL = `http://127.0.0.1:${previewPort}`;
/** The fake CoinGecko and alternative.me: a real server on loopback serving recorded answers. */
export const upstreamURL = `http://127.0.0.1:${upstreamPort}`;
/** A second build, of content whose every text field is hostile (tests/support/write-hostile-content.ts). */
export const hostileURL = `http://127.0.0.1:${hostilePort}`;

/** The site under test reads its market data from the fake upstream, with short TTLs. */
const siteEnv = {
  COINGECKO_API_URL: `${upstreamURL}/api/v3`,
  FEAR_GREED_API_URL: `${upstreamURL}/fng/`,
  MARKET_TTL_SECONDS: "2",
  MARKET_REFRESH_SECONDS: "2",
  // The 2-second TTL has the ticker alone call 60 times a minute; the budget has its own tests (unit and bench).
  MARKET_UPSTREAM_CALLS_PER_MINUTE: "10000",
  NEXT_TELEMETRY_DISABLED: "1",
  MODERATOR_PASSWORD_HASH: moderatorPasswordHash,
  // The suite posts more comments from one address than a reader may; the limit has unit tests.
  COMMENTS_RATE_LIMIT: "1000",
};
/** Each site under test starts with an empty comment database of its own. */
const freshDatabase = (file: string) => ({ DATABASE_URL: `file:${file}`, reset: `rm -f ${file} ${file}-wal ${file}-shm && ` });
const mainDb = freshDatabase(commentsDatabaseFile);
const hostileDb = freshDatabase("artifacts/e2e-db/hostile.db");
const previewDb = freshDatabase("artifacts/e2e-db/preview.db");

// The run's moment, picked once here in the runner's main process (workers and servers inherit it): the
// content the main site and the preview are built from adds drafts and posts scheduled after it.
process.env.E2E_RUN_AT ??= String(Date.now());
/** Writes content/ plus the run's drafts and scheduled posts (tests/support/e2e-content.ts) into a folder. */
const writeContent = (dir: string) => `npx tsx tests/support/e2e-content.ts ${dir} && `;
const mainContent = "artifacts/e2e-content/main";
const previewContent = "artifacts/e2e-content/preview";

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
  // No server is reused (Playwright's default): one this run did not start kept its old comments, and
  // may belong to another run.
  webServer: [
    {
      command: `npx tsx tests/support/fake-upstream-server.ts ${upstreamPort}`,
      url: `${upstreamURL}/__stats`,
    },
    {
      // The production build the site ships, of the sample content and the run's unpublished posts.
      command: `${mainDb.reset}${writeContent(mainContent)}npm run build && npx next start -H 127.0.0.1 -p ${port}`,
      url: baseURL,
      // A few stories prerendered, so that most of the archive is rendered on its first request.
      env: { ...siteEnv, CONTENT_DIR: mainContent, PRERENDER_ARTICLES: "5", DATABASE_URL: mainDb.DATABASE_URL },
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command:
        `${hostileDb.reset}npx tsx tests/support/write-hostile-content.ts artifacts/hostile-content && ` +
        `npx next build && npx next start -H 127.0.0.1 -p ${hostilePort}`,
      url: hostileURL,
      // The fake upstream's call counts belong to the main site alone: this one serves the snapshot.
      env: {
        ...siteEnv,
        MARKET_PROVIDER: "snapshot",
        CONTENT_DIR: "artifacts/hostile-content",
        NEXT_DIST_DIR: ".next-hostile",
        DATABASE_URL: hostileDb.DATABASE_URL,
      },
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `${previewDb.reset}${writeContent(previewContent)}npx next dev -H 127.0.0.1 -p ${previewPort}`,
      url: previewURL,
      env: { ...siteEnv, MARKET_PROVIDER: "snapshot", CONTENT_DIR: previewContent, DATABASE_URL: previewDb.DATABASE_URL },
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
