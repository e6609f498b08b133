"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { siteDatabase } from "../database/db";
import { tokenSchema } from "./schema";
import { type SignupFormState, signUpFromRequest } from "./signup";
import { confirmSubscription } from "./subscribers";
import { unsubscribeByLink } from "./unsubscribe-link";

/** The sign-up form's action: a plain POST with JavaScript off, a fetch with it on. */
export async function subscribeToNewsletter(_previous: SignupFormState, form: FormData): Promise<SignupFormState> {
  const { state, send } = await signUpFromRequest(form, await headers());
  if (send) after(() => send().catch((error: unknown) => console.error(`[newsletter] a confirmation email could not be sent: ${error instanceof Error ? error.message : error}`)));
  return state;
}

/** The button on the confirmation page (a link opened by a mail scanner confirms nothing: only this POST does). */
export async function confirmNewsletter(form: FormData): Promise<never> {
  const token = tokenSchema.safeParse(form.get("token"));
  const lists = token.success ? await confirmSubscription(await siteDatabase(), token.data) : undefined;
  redirect(lists ? "/newsletter/confirmed" : "/newsletter/expired");
}

/** The button on the unsubscribe page. */
export async function unsubscribeNewsletter(form: FormData): Promise<never> {
  redirect((await unsubscribeByLink(form.get("token"), "unsubscribe page")) ? "/newsletter/unsubscribed" : "/newsletter/expired");
}
