import "server-only";
import { cookies } from "next/headers";
import { env } from "../env";
import { isValidSessionToken, sessionCookieName } from "./session";

/** The configured moderator password hash; without one, moderation is closed. */
export const moderatorPasswordHash = env.MODERATOR_PASSWORD_HASH;

/** Whether this request carries a live moderator session. Every moderation action asks this first. */
export async function isModerator(): Promise<boolean> {
  if (!moderatorPasswordHash) return false;
  return isValidSessionToken((await cookies()).get(sessionCookieName)?.value, moderatorPasswordHash);
}
