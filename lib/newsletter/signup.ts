import "server-only";
import { siteDatabase } from "../database/db";
import { env } from "../env";
import { processSingleton } from "../process-singleton";
import { clientAddress, createRateLimiter } from "../rate-limit";
import { confirmationEmail } from "./emails";
import { newsletterLinks } from "./links";
import { type SignupField, signupFormSchema } from "./schema";
import { createCourier } from "./smtp";
import { markBounced, requestSubscription } from "./subscribers";
import { unsubscribeKey, unsubscribeToken } from "./tokens";
import { signupAnswer, signupWording } from "./wording";

/** What the sign-up form shows after a send. The address is never sent back. */
export type SignupFormState = {
  status: "idle" | "sent" | "error";
  message?: string;
  fieldErrors?: Partial<Record<SignupField, string>>;
};

const windowMs = env.NEWSLETTER_SIGNUP_WINDOW_SECONDS * 1000;
const clientLimiter = processSingleton("newsletter-rate-limit", () => createRateLimiter("newsletter", { limit: env.NEWSLETTER_SIGNUP_RATE_LIMIT, windowMs }));
// A client address can be forged where no proxy sets X-Forwarded-For: the site as a whole takes at most
// twenty clients' worth of sign-ups per window, so no flood of addresses becomes a flood of emails.
const siteLimiter = processSingleton("newsletter-site-rate-limit", () => createRateLimiter("newsletter-site", { limit: env.NEWSLETTER_SIGNUP_RATE_LIMIT * 20, windowMs }));

export type Signup = { state: SignupFormState; /** Sends the confirmation email; run after the answer, so timing tells nothing either. */ send?: () => Promise<void> };

export async function signUp(form: FormData, client: string, now = new Date()): Promise<Signup> {
  const raw = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const parsed = signupFormSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: SignupFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "lists") && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    const message = Object.keys(fieldErrors).length > 0 ? "Please correct the fields marked below." : (parsed.error.issues[0]?.message ?? "This sign-up could not be sent.");
    return { state: { status: "error", message, fieldErrors } };
  }
  const signup = parsed.data;
  // A bot that fills the hidden field is told what a person would be, and nothing is stored or sent.
  if (signup.homepage) return { state: { status: "sent", message: signupAnswer } };
  if (!(await clientLimiter.take(client, now.getTime())) || !(await siteLimiter.take("site", now.getTime()))) {
    return { state: { status: "error", message: "There have been many sign-ups from your network just now. Please try again in a few minutes." } };
  }
  const lists = { daily: signup.daily, weekly: signup.weekly };
  const db = await siteDatabase();
  const request = await requestSubscription(db, { email: signup.email, lists, consent: { source: signup.source, wording: signupWording }, windowMs, now });
  if (!request) return { state: { status: "sent", message: signupAnswer } };
  return {
    state: { status: "sent", message: signupAnswer },
    send: () => sendConfirmation(signup.email, request, lists),
  };
}

/** A sign-up from an HTTP request: the client is the request's address, and a store failure is answered in words. */
export async function signUpFromRequest(form: FormData, headers: Headers): Promise<Signup> {
  try {
    return await signUp(form, clientAddress(headers.get("x-forwarded-for")));
  } catch (error) {
    // Only the message: never the form, which holds the address.
    console.error(`[newsletter] a sign-up could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    return { state: { status: "error", message: "Your sign-up could not be saved just now. Please try again in a minute." } };
  }
}

async function sendConfirmation(email: string, { token, subscriberId }: { token: string; subscriberId: string }, lists: { daily: boolean; weekly: boolean }): Promise<void> {
  const db = await siteDatabase();
  const courier = createCourier();
  try {
    const outcome = await courier.deliver(confirmationEmail({ to: email, token, lists, unsubscribeToken: unsubscribeToken(await unsubscribeKey(db), subscriberId) }));
    if (outcome.status === "refused") await markBounced(db, subscriberId, outcome.reason);
    // Logged without the address: the subscriber's id is enough to find it.
    if (outcome.status !== "sent") console.error(`[newsletter] the confirmation email to subscriber ${subscriberId} was ${outcome.status}: ${outcome.reason}`);
    else if (courier.kind === "outbox") {
      console.log(`[newsletter] no SMTP_URL: the confirmation email is in ${courier.lastFile}; confirm at ${newsletterLinks.confirm(token)}`);
    }
  } finally {
    courier.close();
  }
}
