// Runs the fake upstream on its own, for the end-to-end suite: `tsx tests/support/fake-upstream-server.ts 3199`.
import { startFakeUpstream } from "./fake-upstream";

const port = Number(process.argv[2] ?? 3199);
const { url } = await startFakeUpstream(port);
console.log(`fake upstream listening on ${url}`);
