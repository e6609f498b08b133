import { readFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/**
 * A stand-in for CoinGecko and alternative.me: a real HTTP server on 127.0.0.1 serving the recorded
 * answers in tests/fixtures/market/. Tests steer it over HTTP (POST /__control) and read how many
 * calls each endpoint got (GET /__stats) and what they carried (GET /__requests).
 */
export type Behaviour = {
  mode: "ok" | "fail" | "slow" | "ratelimit" | "garbage" | "malformed";
  /** Overrides BTC's price in every answer that carries it. */
  btcPrice?: number;
  delayMs?: number;
};

const fixtures = path.join(process.cwd(), "tests/fixtures/market");
const read = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), "utf8")) as unknown;

const routes: Record<string, { ok: string; malformed: string }> = {
  "/api/v3/coins/markets": { ok: "coingecko-coins-markets.json", malformed: "coingecko-simple-price-null.json" },
  "/api/v3/global": { ok: "coingecko-global.json", malformed: "coingecko-global-missing-fields.json" },
  "/fng/": { ok: "alternative-fng.json", malformed: "alternative-fng-bad-value.json" },
};

function withPrice(body: unknown, btcPrice: number | undefined): unknown {
  if (btcPrice === undefined || !Array.isArray(body)) return body;
  return body.map((coin: { id: string }) => (coin.id === "bitcoin" ? { ...coin, current_price: btcPrice } : coin));
}

export function startFakeUpstream(port = 0): Promise<{ server: Server; url: string }> {
  let behaviour: Behaviour = { mode: "ok" };
  let calls: Record<string, number> = {};
  let requests: { path: string; search: string; demoKey?: string }[] = [];

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      // No keep-alive: a client reusing a socket the server is just closing would see "socket hang up".
      response.writeHead(status, { "content-type": "application/json", connection: "close", ...headers });
      response.end(body);
    };
    if (url.pathname === "/__control" && request.method === "POST") {
      let text = "";
      request.on("data", (chunk) => (text += chunk));
      request.on("end", () => {
        const next = JSON.parse(text || "{}") as Partial<Behaviour> & { resetStats?: boolean };
        if (next.resetStats) {
          calls = {};
          requests = [];
        }
        behaviour = { mode: next.mode ?? "ok", btcPrice: next.btcPrice, delayMs: next.delayMs };
        send(200, JSON.stringify(behaviour));
      });
      return;
    }
    if (url.pathname === "/__stats") return send(200, JSON.stringify(calls));
    if (url.pathname === "/__requests") return send(200, JSON.stringify(requests));

    const route = routes[url.pathname];
    if (!route) return send(404, JSON.stringify({ error: "Not found" }));
    calls[url.pathname] = (calls[url.pathname] ?? 0) + 1;
    const demoKey = request.headers["x-cg-demo-api-key"];
    requests.push({ path: url.pathname, search: url.search, demoKey: typeof demoKey === "string" ? demoKey : undefined });

    const answer = () => {
      switch (behaviour.mode) {
        case "fail":
          return send(503, "<html><body>Service Unavailable</body></html>", { "content-type": "text/html" });
        case "ratelimit":
          return send(429, JSON.stringify(read("coingecko-429.json")), { "retry-after": "60" });
        case "garbage":
          return send(200, "{not json at all");
        case "malformed":
          return send(200, JSON.stringify(read(route.malformed)));
        default:
          return send(200, JSON.stringify(withPrice(read(route.ok), behaviour.btcPrice)));
      }
    };
    if (behaviour.mode === "slow") setTimeout(answer, behaviour.delayMs ?? 10_000);
    else answer();
  });

  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${bound}` });
    });
  });
}
