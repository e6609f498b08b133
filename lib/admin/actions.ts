"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { siteDatabase } from "../database/db";
import { deleteComment, setCommentStatus } from "../comments/queries";
import { commentIdSchema, moderationActionSchema, statusAfter } from "../comments/schema";
import { env } from "../env";
import { clientAddress } from "../rate-limit";
import { isModerator, moderatorPasswordHash } from "./auth";
import { createSessionToken, sessionCookieName, sessionMaxAgeSeconds } from "./session";
import { checkSignIn, type SignInState } from "./sign-in";

const adminPath = "/admin/comments";

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  if (!moderatorPasswordHash) return { error: "Moderation is closed: no moderator password is configured." };
  const client = clientAddress((await headers()).get("x-forwarded-for"));
  const checked = await checkSignIn(form.get("password"), moderatorPasswordHash, client);
  if (checked.error) return checked;
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
  const db = await siteDatabase();
  const changed = action === "delete" ? await deleteComment(db, id) : await setCommentStatus(db, id, statusAfter[action]);
  if (changed) revalidatePath(`/news/${changed.postSlug}`);
  revalidatePath(adminPath);
}
