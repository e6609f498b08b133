import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { startFakeUpstream } from "../../tests/support/fake-upstream";

const PORT = 3290;
const CONNECTIONS = 16;
const DURATION_MS = 10_000;

async function waitForServer(url: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * `/api/market` of the production build under load, against the fake upstream on loopback:
 * requests per second and p99 latency with a warm cache, and the upstream calls the run caused.
 */
export async function benchMarketApi() {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("(building the site first)");
    spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "ignore" });
  }
  const upstream = await startFakeUpstream();
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      ...process.env,
      COINGECKO_API_URL: `${upstream.url}/api/v3`,
      FEAR_GREED_API_URL: `${upstream.url}/fng/`,
      MARKET_TTL_SECONDS: "30",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${PORT}/api/market`;
  try {
    await waitForServer(url, server); // also warms the cache
    const before = (await (await fetch(`${upstream.url}/__stats`)).json()) as Record<string, number>;
    const latencies: number[] = [];
    const deadline = performance.now() + DURATION_MS;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const sent = performance.now();
          const response = await fetch(url);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
          latencies.push(performance.now() - sent);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = (await (await fetch(`${upstream.url}/__stats`)).json()) as Record<string, number>;
    const upstreamCalls = Object.entries(after).reduce((sum, [path, count]) => sum + count - (before[path] ?? 0), 0);
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
    console.log(
      `/api/market, warm cache, ${CONNECTIONS} connections for ${DURATION_MS / 1000} s: ` +
        `${Math.round(latencies.length / seconds)} requests/s, p99 ${p99.toFixed(1)} ms, ` +
        `${upstreamCalls} upstream call(s) during the run (${latencies.length} requests)`,
    );
  } finally {
    server.kill();
    upstream.server.closeAllConnections();
    upstream.server.close();
  }
}
