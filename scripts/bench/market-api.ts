import { existsSync } from "node:fs";
import { startFakeUpstream } from "../../tests/support/fake-upstream";
import { buildSite, startSite } from "../support/site";

const CONNECTIONS = 16;
const DURATION_MS = 10_000;

/**
 * `/api/market` of the production build under load, against the fake upstream on loopback:
 * requests per second and p99 latency with a warm cache, and the upstream calls the run caused.
 */
export async function benchMarketApi() {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("(building the site first)");
    buildSite(process.env);
  }
  const upstream = await startFakeUpstream();
  const site = await startSite(3290, {
    ...process.env,
    COINGECKO_API_URL: `${upstream.url}/api/v3`,
    FEAR_GREED_API_URL: `${upstream.url}/fng/`,
    MARKET_TTL_SECONDS: "30",
    NEXT_TELEMETRY_DISABLED: "1",
  }, "/api/market"); // the first answer also warms the cache
  const url = `${site.url}/api/market`;
  try {
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
    site.stop();
    upstream.server.closeAllConnections();
    upstream.server.close();
  }
}
