import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { installDebianPackage } from "./debian-package";
import { freePort } from "./free-port";

/**
 * A throwaway Redis server on a free port of 127.0.0.1, without persistence, for a test file. When
 * redis-server is missing and we are root with apt-get (CI), Debian's `redis-server` package is installed
 * first. `stop()` ends it; `start()` starts it again on the same port (a Redis restarted mid-test).
 */
type Controls = {
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Freezes the server (it keeps its connections and answers nothing: a hung Redis) or thaws it. */
  freeze: (frozen: boolean) => void;
};
export type TestRedis = ({ url: string; reason?: undefined } | { url?: undefined; reason: string }) & Controls;

function findOrInstall(): string | undefined {
  const found = () => spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim() || undefined;
  return found() ?? (installDebianPackage("redis-server") ? found() : undefined);
}

async function untilAnswering(bin: string, port: number) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ping = spawnSync(bin.replace(/redis-server$/, "redis-cli"), ["-p", String(port), "ping"], { encoding: "utf8" });
    if (ping.stdout.trim() === "PONG") return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer`);
}

/** `settings` are redis-server's own flags, such as `["--maxmemory", "64mb"]`. */
export async function startRedis(settings: string[] = []): Promise<TestRedis> {
  const none = async () => {};
  const unavailable = { start: none, stop: none, freeze: () => {} };
  let bin: string | undefined;
  try {
    bin = findOrInstall();
  } catch (error) {
    return { reason: `installing redis-server failed: ${(error as Error).message}`, ...unavailable };
  }
  if (!bin) return { reason: "no redis-server, and installing it needs root and apt-get", ...unavailable };
  const port = await freePort();
  let server: ChildProcess | undefined;
  const start = async () => {
    server = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...settings], { stdio: "ignore" });
    await untilAnswering(bin, port);
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once("exit", resolve);
      running.kill("SIGKILL");
    });
  };
  try {
    await start();
  } catch (error) {
    await stop();
    return { reason: (error as Error).message, ...unavailable };
  }
  const freeze = (frozen: boolean) => void server?.kill(frozen ? "SIGSTOP" : "SIGCONT");
  return { url: `redis://127.0.0.1:${port}`, start, stop, freeze };
}
