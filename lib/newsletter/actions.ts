"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { siteDatabase } from "../database/db";
import { clientAddress } from "../rate-limit";
import { tokenSchema } from "./schema";
import { type SignupFormState, signUp } from "./signup";
import { confirmSubscription } from "./subscribers";
import { unsubscribeByLink } from "./unsubscribe-link";

/** The sign-up form's action: a plain POST with JavaScript off, a fetch with it on. */
export async function subscribeToNewsletter(_previous: SignupFormState, form: FormData): Promise<SignupFormState> {
  try {
    const { state, send } = await signUp(form, clientAddress((await headers()).get("x-forwarded-for")));
    if (send) after(() => send().catch((error: unknown) => console.error(`[newsletter] a confirmation email could not be sent: ${error instanceof Error ? error.message : error}`)));
    return state;
  } catch (error) {
    // Only the message: never the form, which holds the address.
    console.error(`[newsletter] a sign-up could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    return { status: "error", message: "Your sign-up could not be saved just now. Please try again in a minute." };
  }
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
