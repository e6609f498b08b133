"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { commentsDb } from "../comments/db";
import { deleteComment, setCommentStatus } from "../comments/queries";
import { commentIdSchema, moderationActionSchema, statusAfter } from "../comments/schema";
import { env } from "../env";
import { processSingleton } from "../process-singleton";
import { clientAddress, createRateLimiter } from "../rate-limit";
import { isModerator, moderatorPasswordHash } from "./auth";
import { verifyPassword } from "./password";
import { createSessionToken, sessionCookieName, sessionMaxAgeSeconds } from "./session";

export type SignInState = { error?: string };

const adminPath = "/admin/comments";
const quarterHour = 15 * 60 * 1000;
// Ten guesses per quarter hour per address (nothing for a moderator, hopeless for a guesser), and
// a hundred for everyone together, since an address can be forged where no proxy sets it.
const signInLimiter = processSingleton("sign-in-rate-limit", () => createRateLimiter({ limit: 10, windowMs: quarterHour }));
const siteSignInLimiter = processSingleton("sign-in-site-rate-limit", () => createRateLimiter({ limit: 100, windowMs: quarterHour }));
// Each check holds 128 MiB and a thread-pool thread for a third of a second: two at a time at most,
// so a flood of sign-ins cannot starve the rest of the site.
const passwordChecks = processSingleton("password-checks", () => ({ running: 0 }));

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  if (!moderatorPasswordHash) return { error: "Moderation is closed: no moderator password is configured." };
  if (!signInLimiter.take(clientAddress((await headers()).get("x-forwarded-for"))) || !siteSignInLimiter.take("site")) {
    return { error: "Too many sign-in attempts. Please wait 15 minutes and try again." };
  }
  if (passwordChecks.running >= 2) return { error: "The server is busy checking other sign-ins. Please try again in a moment." };
  const password = form.get("password");
  passwordChecks.running += 1;
  try {
    if (typeof password !== "string" || !(await verifyPassword(password, moderatorPasswordHash))) {
      return { error: "That password is not right." };
    }
  } finally {
    passwordChecks.running -= 1;
  }
  (await cookies()).set(sessionCookieName, createSessionToken(moderatorPasswordHash), {
    httpOnly: true,
    sameSite: "strict",
    // Secure wherever the site is served over HTTPS, as in production; a local http:// run must still sign in.
    secure: env.SITE_URL.startsWith("https://"),
    path: "/admin",
    maxAge: sessionMaxAgeSeconds,
  });
  redirect(adminPath);
}

export async function signOut(): Promise<void> {
  (await cookies()).delete({ name: sessionCookieName, path: "/admin" });
  redirect(adminPath);
}

const moderationSchema = z.object({
  id: commentIdSchema,
  action: moderationActionSchema,
});

/** Approve, unpublish, mark as spam or delete; the article is regenerated at once. */
export async function moderate(form: FormData): Promise<void> {
  if (!(await isModerator())) redirect(adminPath);
  const parsed = moderationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect(adminPath);
  const { id, action } = parsed.data;
  const db = await commentsDb();
  const changed = action === "delete" ? await deleteComment(db, id) : await setCommentStatus(db, id, statusAfter[action]);
  if (changed) revalidatePath(`/news/${changed.postSlug}`);
  revalidatePath(adminPath);
}
