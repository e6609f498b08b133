import { spawnSync } from "node:child_process";

/**
 * Installs a Debian package a test's server needs, as CI can (root, with apt-get and the Debian registry):
 * false where it cannot, so the caller reports why there is no server; throws when the install fails.
 */
export function installDebianPackage(name: string): boolean {
  if (process.getuid?.() !== 0 || spawnSync("apt-get", ["--version"]).status !== 0) return false;
  console.warn(`${name} is not installed: installing Debian's ${name} package for the tests…`);
  const install = spawnSync("sh", ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${name}`], {
    encoding: "utf8",
    timeout: 600_000,
  });
  if (install.error) throw install.error;
  if (install.status !== 0) throw new Error(`apt-get install ${name} exited with ${install.status}:\n${install.stderr}`);
  return true;
}
