import "server-only";
import { connected, redisClient } from "../redis/client";
import { expirePageTags } from "./shared-page-store.mjs";

/**
 * Expires the pages at these addresses on every server of the fleet, as `revalidatePath` does inside a
 * server (Next.js tags each page with `_N_T_` and its address), for tools that run outside one: each server
 * renders them anew on its next request. Undefined without REDIS_URL (there is no fleet to tell); false when
 * Redis did not answer.
 */
export async function expireSharedPages(paths: string[]): Promise<boolean | undefined> {
  const client = redisClient();
  if (!client) return undefined;
  if (!(await connected(client, 3_000))) return false;
  return expirePageTags(client, paths.map((address) => `_N_T_${address}`));
}
