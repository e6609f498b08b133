import type { Server } from "node:http";
import { afterAll, beforeAll } from "vitest";
import { type Behaviour, startFakeUpstream } from "./fake-upstream";

/**
 * The fake upstream (fake-upstream.ts) for one test file: started before its tests and stopped after them. Its
 * `url` is set once started; `steer` sets how it answers (and `resetStats` clears its counts).
 */
export function upstreamForFile() {
  const upstream = { url: "", server: undefined as Server | undefined };
  beforeAll(async () => {
    Object.assign(upstream, await startFakeUpstream());
  });
  afterAll(() => {
    upstream.server?.closeAllConnections();
    upstream.server?.close();
  });
  return {
    upstream,
    steer: (behaviour: Behaviour & { resetStats?: boolean }) => fetch(`${upstream.url}/__control`, { method: "POST", body: JSON.stringify(behaviour) }),
  };
}
