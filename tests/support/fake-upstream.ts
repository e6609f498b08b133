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
  /** Serves `days=max` as a paid plan does, rather than the Demo plan's 401. */
  fullHistory?: boolean;
  delayMs?: number;
};

const fixtures = path.join(process.cwd(), "tests/fixtures/market");
const read = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), "utf8")) as unknown;

type Answer = { status?: number; body: unknown };
type Route = { ok: (url: URL) => Answer; malformed: string };

const fixed = (name: string) => () => ({ body: read(name) });
const top100 = read("coingecko-coins-markets-top100.json") as { id: string; current_price: number }[];
const rowOf = (id: string) => top100.find((row) => row.id === id);
const NOT_FOUND: Answer = { status: 404, body: read("coingecko-coin-not-found.json") };

/**
 * A coin's page as CoinGecko answers it: the recorded file for bitcoin and ethereum; for the rest of the top
 * 100, bitcoin's answer with the coin's own id, name and price; 404 for any other id.
 */
function coinAnswer(id: string): Answer {
  if (id === "bitcoin" || id === "ethereum") return { body: read(`coingecko-coin-${id}.json`) };
  const row = rowOf(id);
  if (!row) return NOT_FOUND;
  const bitcoin = read("coingecko-coin-bitcoin.json") as { market_data: Record<string, unknown> };
  const { id: _, ...fields } = row as Record<string, unknown>;
  return { body: { ...bitcoin, ...fields, id, market_data: { ...bitcoin.market_data, current_price: { usd: row.current_price } } } };
}

/** The recorded charts end at the snapshot's moment; they are served moved on by whole days to end within the last day. */
const RECORDED_AT = 1709294400000;
const DAY = 86_400_000;
export const chartShiftMs = (now = Date.now()) => Math.floor((now - RECORDED_AT) / DAY) * DAY;

/**
 * A coin's price history: bitcoin's recorded series for its days (1, 7, 30, 365), other coins' scaled to
 * their price, moved to end today (chartShiftMs); `days=max` answers the Demo plan's 401 (set `fullHistory`
 * for a paid plan's answer).
 */
function chartAnswer(id: string, days: string | null, fullHistory: boolean): Answer {
  const row = rowOf(id);
  if (!row) return NOT_FOUND;
  if (days === "max" && !fullHistory) return { status: 401, body: read("coingecko-market-chart-max-401.json") };
  const file = days === "max" ? "365" : ["1", "7", "30", "365"].includes(days ?? "") ? days : undefined;
  if (!file) return { status: 400, body: { error: "invalid days" } };
  const chart = read(`coingecko-market-chart-bitcoin-${file}.json`) as { prices: [number, number][] };
  const scale = row.current_price / 63988;
  const shift = chartShiftMs();
  return { body: { ...chart, prices: chart.prices.map(([t, price]) => [t + shift, price * scale]) } };
}

const COIN_PATH = /^\/api\/v3\/coins\/([^/]+)$/;
const CHART_PATH = /^\/api\/v3\/coins\/([^/]+)\/market_chart$/;

/** Which route answers a path, and the name its calls are counted under. */
function routeFor(url: URL, fullHistory: boolean): { name: string; route: Route } | undefined {
  const { pathname } = url;
  if (pathname === "/api/v3/coins/markets") {
    // The market table (per_page=100) is counted apart from the ticker's few coins.
    return url.searchParams.get("per_page") === "100"
      ? { name: "/api/v3/coins/markets (table)", route: { ok: fixed("coingecko-coins-markets-top100.json"), malformed: "coingecko-simple-price-null.json" } }
      : { name: pathname, route: { ok: fixed("coingecko-coins-markets.json"), malformed: "coingecko-simple-price-null.json" } };
  }
  if (pathname === "/api/v3/global") return { name: pathname, route: { ok: fixed("coingecko-global.json"), malformed: "coingecko-global-missing-fields.json" } };
  if (pathname === "/fng/") {
    const history = url.searchParams.get("limit") === "30";
    return {
      name: history ? "/fng/ (history)" : pathname,
      route: { ok: fixed(history ? "alternative-fng-history-30.json" : "alternative-fng.json"), malformed: "alternative-fng-bad-value.json" },
    };
  }
  const chart = CHART_PATH.exec(pathname);
  if (chart) return { name: pathname, route: { ok: (u) => chartAnswer(chart[1]!, u.searchParams.get("days"), fullHistory), malformed: "coingecko-market-chart-bad.json" } };
  const coin = COIN_PATH.exec(pathname);
  if (coin) return { name: pathname, route: { ok: () => coinAnswer(coin[1]!), malformed: "coingecko-coin-not-found.json" } };
  return undefined;
}

function withPrice(body: unknown, btcPrice: number | undefined): unknown {
  if (btcPrice === undefined || !Array.isArray(body)) return body;
  return body.map((coin: { id: string }) => (coin.id === "bitcoin" ? { ...coin, current_price: btcPrice } : coin));
}

export function startFakeUpstream(port = 0): Promise<{ server: Server; url: string }> {
  let behaviour: Behaviour = { mode: "ok" };
  let calls: Record<string, number> = {};
  let requests: { path: string; search: string; demoKey?: string; at: number }[] = [];

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
        behaviour = { mode: next.mode ?? "ok", btcPrice: next.btcPrice, delayMs: next.delayMs, fullHistory: next.fullHistory };
        send(200, JSON.stringify(behaviour));
      });
      return;
    }
    if (url.pathname === "/__stats") return send(200, JSON.stringify(calls));
    if (url.pathname === "/__requests") return send(200, JSON.stringify(requests));

    const found = routeFor(url, behaviour.fullHistory ?? false);
    if (!found) return send(404, JSON.stringify({ error: "Not found" }));
    const { name, route } = found;
    calls[name] = (calls[name] ?? 0) + 1;
    const demoKey = request.headers["x-cg-demo-api-key"];
    requests.push({ path: url.pathname, search: url.search, demoKey: typeof demoKey === "string" ? demoKey : undefined, at: Date.now() });

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
        default: {
          const { status = 200, body } = route.ok(url);
          return send(status, JSON.stringify(withPrice(body, behaviour.btcPrice)));
        }
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
