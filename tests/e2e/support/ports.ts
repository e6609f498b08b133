import { execFileSync } from "node:child_process";

/** Opens `count` listeners on port 0 at once (so the ports differ), prints the ports the system chose, closes them. */
const pickPorts = `
const net = require("node:net");
const servers = Array.from({ length: Number(process.argv[1]) }, () => net.createServer().listen(0, "127.0.0.1"));
Promise.all(servers.map((server) => new Promise((resolve) => server.once("listening", resolve)))).then(() => {
  console.log(servers.map((server) => server.address().port).join(","));
  for (const server of servers) server.close();
});
`;

/**
 * `count` free loopback ports, the same in every process of a run: the first process to ask picks them
 * and records them in the environment variable `name`, which the processes it starts inherit. They are
 * found in a child process so that the config stays synchronous.
 */
export function freePortsForThisRun(name: string, count: number): number[] {
  process.env[name] ??= execFileSync(process.execPath, ["-e", pickPorts, String(count)], { encoding: "utf8" }).trim();
  const ports = process.env[name].split(",").map(Number);
  if (ports.length !== count || !ports.every((port) => Number.isInteger(port) && port > 0)) {
    throw new Error(`${name} must list ${count} ports, comma-separated; it is "${process.env[name]}"`);
  }
  return ports;
}
