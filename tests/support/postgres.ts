import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { installDebianPackage } from "./debian-package";
import { freePort } from "./free-port";

/**
 * A throwaway PostgreSQL server for a test file: initdb in a temporary folder, started on a free
 * port of 127.0.0.1, stopped and deleted by stop() (call it in afterAll). A server left behind by
 * a run that was killed first is stopped and deleted by the next run.
 *
 * Uses the newest server under /usr/lib/postgresql/<version>/bin (Debian's layout); when there is
 * none and we are root with apt-get (CI), installs Debian's `postgresql` package first. initdb
 * refuses to run as root, so as root the server runs as the `postgres` user the package creates.
 * Answers the URL of an empty database, or why there is no server.
 */
export type TestPostgres = { url: string; reason?: undefined; stop: () => void } | { url?: undefined; reason: string; stop: () => void };

const isRoot = process.getuid?.() === 0;

type Command = [file: string, args: string[]];

/**
 * How to run the server's tools: as `postgres` when we are root. Some containers start without
 * /dev/null, and the first `> /dev/null` leaves a plain file there that only root may write,
 * which initdb, as `postgres`, needs; then the tools run in a private mount namespace with a
 * real /dev/null bound over it (nothing changes outside that namespace).
 */
function serverUser(dir: string): (file: string, args: string[]) => Command {
  if (!isRoot) return (file, args) => [file, args];
  const asPostgres = (file: string, args: string[]): Command => ["runuser", ["-u", "postgres", "--", file, ...args]];
  if (statSync("/dev/null", { throwIfNoEntry: false })?.isCharacterDevice()) return asPostgres;
  const devNull = path.join(dir, "null");
  if (!existsSync(devNull)) run("mknod", ["-m", "666", devNull, "c", "1", "3"]);
  return (file, args) => ["unshare", ["--mount", "--propagation", "private", "--", "sh", "-c", 'mount --bind "$0" /dev/null && exec "$@"', devNull, ...asPostgres(file, args).flat()]];
}

function run(...[file, args, options]: [...Command, SpawnSyncOptions?]) {
  const result = spawnSync(file, args, { encoding: "utf8", timeout: 120_000, stdio: ["ignore", "pipe", "pipe"], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${[file, ...args].join(" ")} exited with ${result.status}:\n${result.stderr}${result.stdout}`);
  return String(result.stdout);
}

function findBinaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const [newest] = readdirSync(root)
    .filter((version) => ["initdb", "pg_ctl", "createdb"].every((tool) => existsSync(path.join(root, version, "bin", tool))))
    .sort((a, b) => Number(b) - Number(a));
  return newest && path.join(root, newest, "bin");
}

function installBinaries(): string | undefined {
  return installDebianPackage("postgresql") ? findBinaries() : undefined;
}

const prefix = "hashline-pg-";

function stopServer(bin: string, dir: string) {
  const data = path.join(dir, "data");
  if (existsSync(path.join(data, "postmaster.pid"))) {
    spawnSync(...serverUser(dir)(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]), { stdio: "ignore", timeout: 60_000 });
  }
  rmSync(dir, { recursive: true, force: true });
}

const isAlive = (pid: number) => {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Servers whose test process is gone (killed before its afterAll ran). */
function stopAbandoned(bin: string) {
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(prefix))) {
    const dir = path.join(tmpdir(), name);
    const ownerFile = path.join(dir, "owner");
    // A folder without an owner yet may be another run's, being made at this moment.
    if (!existsSync(ownerFile)) {
      if (Date.now() - statSync(dir).mtimeMs > 60_000) stopServer(bin, dir);
    } else if (!isAlive(Number(readFileSync(ownerFile, "utf8")))) stopServer(bin, dir);
  }
}

export async function startPostgres(database = "hashline_test"): Promise<TestPostgres> {
  let bin: string | undefined;
  try {
    bin = findBinaries() ?? installBinaries();
  } catch (error) {
    return { reason: `installing PostgreSQL failed: ${(error as Error).message}`, stop: () => {} };
  }
  if (!bin) return { reason: "no initdb/pg_ctl under /usr/lib/postgresql/*/bin, and installing needs root and apt-get", stop: () => {} };

  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const stop = () => stopServer(bin, dir);
  try {
    writeFileSync(path.join(dir, "owner"), String(process.pid));
    stopAbandoned(bin);
    if (isRoot) chownSync(dir, Number(run("id", ["-u", "postgres"])), Number(run("id", ["-g", "postgres"])));
    const asServer = serverUser(dir);
    run(...asServer(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"]), { cwd: dir });
    const port = await freePort();
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(...asServer(path.join(bin, "pg_ctl"), ["-D", data, "-l", log, "-o", settings, "-w", "start"]), { cwd: dir });
    run(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database]);
    return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, stop };
  } catch (error) {
    const serverLog = existsSync(log) ? `\nserver log:\n${readFileSync(log, "utf8")}` : "";
    stop();
    return { reason: `starting PostgreSQL from ${bin} failed: ${(error as Error).message}${serverLog}`, stop: () => {} };
  }
}
