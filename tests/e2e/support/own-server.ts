import { spawn } from "node:child_process";
import { expect } from "@playwright/test";
import { freePort } from "../../support/free-port";

/** A production server of the main build that a test starts itself, with its own environment. */
export type OwnServer = {
  origin: string;
  /** Without warning (SIGKILL), as a crash or a power cut would; also how a test ends it. */
  kill: () => void;
};

/**
 * Serves the main build (the one playwright.config.ts builds) on a free port with `env` added, once its
 * `readyPath` answers 200. Its market data is the bundled snapshot, so it calls no upstream.
 */
export async function startOwnServer(env: Record<string, string>, readyPath = "/"): Promise<OwnServer> {
  const port = await freePort();
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, MARKET_PROVIDER: "snapshot", ...env },
    // Its own process group, so kill() reaches every process it started.
    detached: true,
    stdio: "ignore",
  });
  const origin = `http://127.0.0.1:${port}`;
  const kill = () => {
    try {
      process.kill(-server.pid!, "SIGKILL");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  };
  try {
    await expect(async () => {
      expect(server.exitCode, "the server exited").toBeNull();
      expect((await fetch(`${origin}${readyPath}`)).status).toBe(200);
    }).toPass({ timeout: 30_000 });
  } catch (error) {
    kill();
    throw error;
  }
  return { origin, kill };
}
