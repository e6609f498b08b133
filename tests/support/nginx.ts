import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { installDebianPackage } from "./debian-package";
import { freePort } from "./free-port";

/**
 * nginx on a free port of 127.0.0.1, configured by the README's own file (deploy/nginx.conf) with the
 * given instances in its upstream, its cache and logs in a temporary folder. When nginx is missing and we
 * are root with apt-get (CI), Debian's `nginx` package is installed first. `stop()` ends it and deletes the
 * folder.
 */
export type TestNginx = ({ url: string; reason?: undefined } | { url?: undefined; reason: string }) & { stop: () => Promise<void> };

const CONFIG = path.join(process.cwd(), "deploy/nginx.conf");

function findOrInstall(): string | undefined {
  const found = () => ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => existsSync(candidate));
  return found() ?? (installDebianPackage("nginx") ? found() : undefined);
}

/** deploy/nginx.conf, pointed at these instances, this port and this cache folder. */
export function siteConfig(instances: string[], port: number, cacheDir: string): string {
  const config = readFileSync(CONFIG, "utf8");
  const upstream = config.match(/upstream hashline \{[^}]*\}/)?.[0];
  if (!upstream || !config.includes("listen 80;") || !config.includes("/var/cache/nginx/hashline")) {
    throw new Error(`${CONFIG} no longer has the upstream, listen or cache path this test rewrites`);
  }
  const servers = instances.map((instance) => `    server ${new URL(instance).host};`).join("\n");
  return config
    .replace(upstream, upstream.replace(/(?:\s*server [^;]+;)+/, `\n${servers}`))
    .replace("listen 80;", `listen 127.0.0.1:${port};`)
    .replace("/var/cache/nginx/hashline", cacheDir);
}

export async function startNginx(instances: string[]): Promise<TestNginx> {
  const none = { stop: async () => {} };
  let bin: string | undefined;
  try {
    bin = findOrInstall();
  } catch (error) {
    return { reason: `installing nginx failed: ${(error as Error).message}`, ...none };
  }
  if (!bin) return { reason: "no nginx, and installing it needs root and apt-get", ...none };
  const dir = mkdtempSync(path.join(tmpdir(), "hashline-nginx-"));
  const port = await freePort();
  writeFileSync(path.join(dir, "hashline.conf"), siteConfig(instances, port, path.join(dir, "cache")));
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `${kind}_temp_path ${path.join(dir, kind)};`);
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      // As root, workers would run as nobody, who cannot write this folder.
      process.getuid?.() === 0 ? "user root;" : "",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 1024; }",
      `http { access_log off; ${temp.join(" ")} include ${path.join(dir, "hashline.conf")}; }`,
    ].join("\n"),
  );
  const args = ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf")];
  const check = spawnSync(bin, [...args, "-t"], { encoding: "utf8" });
  if (check.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`deploy/nginx.conf does not pass nginx -t:\n${check.stderr}`);
  }
  const server: ChildProcess = spawn(bin, [...args, "-g", "daemon off;"], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      await new Promise((resolve) => {
        server.once("exit", resolve);
        server.kill("SIGTERM");
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (server.exitCode !== null) break;
    try {
      await fetch(`${url}/nginx-is-up`, { signal: AbortSignal.timeout(1_000) });
      return { url, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const log = readFileSync(path.join(dir, "error.log"), "utf8");
  await stop();
  return { reason: `nginx did not start:\n${log}`, ...none };
}
