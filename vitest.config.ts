import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
    // The server's own export condition, so `server-only` modules load as they do on the server.
    conditions: ["react-server"],
  },
  ssr: { resolve: { conditions: ["react-server"], externalConditions: ["react-server"] } },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    // A build folder no build writes: the content a test names (CONTENT_DIR) is what it gets, never the
    // content of whatever `.next` a local build left (servers read their build's content first).
    // Nor a Redis the shell names: a unit test's state is its own (a shared store would carry counts and
    // cached values from one test into the next). The tests of several servers start their own Redis.
    env: { NEXT_DIST_DIR: ".next-unit-tests", REDIS_URL: "" },
  },
});
