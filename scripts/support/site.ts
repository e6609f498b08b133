import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The Next.js that builds and serves the app in `dir` (the site, by default): the one installed beside it. */
export const nextOf = (dir = ".") => path.join(dir, "node_modules/next/dist/bin/next");

/** `next build` (of the site, or of the app in `dir`), failing loudly with Next's own output. */
export function buildSite(env: NodeJS.ProcessEnv, dir?: string) {
  const build = spawnSync(process.execPath, [nextOf(dir), "build", ...(dir ? [dir] : [])], { env, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

/**
 * `next build` into another distDir adds its types to tsconfig.json and points next-env.d.ts at them; both
 * are put back as they were, so a bench leaves the working tree as it found it.
 */
export async function keepingNextTypes<T>(run: () => T | Promise<T>): Promise<T> {
  const files = ["tsconfig.json", "next-env.d.ts"];
  const saved = files.filter((file) => existsSync(file)).map((file) => [file, readFileSync(file)] as const);
  try {
    return await run();
  } finally {
    for (const [file, text] of saved) if (!readFileSync(file).equals(text)) writeFileSync(file, text);
  }
}

/** `next start` (of the site, or of the app in `dir`) on loopback, resolved once `waitPath` answers 200. */
export async function startSite(port: number, env: NodeJS.ProcessEnv, waitPath = "/", dir?: string) {
  const server = spawn(process.execPath, [nextOf(dir), "start", ...(dir ? [dir] : []), "-H", "127.0.0.1", "-p", String(port)], { env, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (server.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(`${url}${waitPath}`)).ok) return { url, pid: server.pid!, stop: () => server.kill() };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`${url}${waitPath} did not answer`);
}
