import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpstreamError, fetchJson } from "@/lib/market/http";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    if (path === "/ok") return response.end('{"a":1}');
    if (path === "/slow") return void setTimeout(() => response.end("{}"), 3_000);
    if (path === "/429") {
      response.writeHead(429, { "retry-after": "119" });
      return response.end('{"status":{"error_code":429}}');
    }
    if (path === "/429-no-header") {
      response.writeHead(429);
      return response.end("<html>slow down</html>");
    }
    if (path === "/503") {
      response.writeHead(503);
      return response.end("<html>down</html>");
    }
    response.end("{not json");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("fetchJson", () => {
  it("returns the parsed JSON", async () => {
    expect(await fetchJson(`${base}/ok`, { timeoutMs: 1_000 })).toEqual({ a: 1 });
  });

  it("gives up after its timeout", async () => {
    const started = performance.now();
    await expect(fetchJson(`${base}/slow`, { timeoutMs: 200 })).rejects.toThrow("no answer within 200 ms");
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("reads Retry-After from a 429, and assumes a minute without one", async () => {
    const error = await fetchJson(`${base}/429`, { timeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).retryAfterMs).toBe(119_000);
    const bare = (await fetchJson(`${base}/429-no-header`, { timeoutMs: 1_000 }).catch((e: unknown) => e)) as UpstreamError;
    expect(bare.retryAfterMs).toBe(60_000);
  });

  it("fails on an error status or a body that is not JSON", async () => {
    await expect(fetchJson(`${base}/503`, { timeoutMs: 1_000 })).rejects.toThrow("HTTP 503");
    await expect(fetchJson(`${base}/garbage`, { timeoutMs: 1_000 })).rejects.toThrow("answer is not JSON");
  });

  it("fails cleanly when nothing listens", async () => {
    await expect(fetchJson("http://127.0.0.1:9/x", { timeoutMs: 1_000 })).rejects.toThrow(/request failed/);
  });
});
