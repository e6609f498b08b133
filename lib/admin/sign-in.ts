import "server-only";
import { processSingleton } from "../process-singleton";
import { createRateLimiter } from "../rate-limit";
import { verifyPassword } from "./password";

/** What the sign-in form shows: nothing once signed in, else why not. */
export type SignInState = { error?: string };

const quarterHour = 15 * 60 * 1000;
// Ten guesses per quarter hour per address (nothing for a moderator, hopeless for a guesser), and
// a hundred for everyone together, since an address can be forged where no proxy sets it.
const signInLimiter = processSingleton("sign-in-rate-limit", () => createRateLimiter("sign-in", { limit: 10, windowMs: quarterHour }));
const siteSignInLimiter = processSingleton("sign-in-site-rate-limit", () => createRateLimiter("sign-in-site", { limit: 100, windowMs: quarterHour }));
// Each check holds 128 MiB and a thread-pool thread for a third of a second: two at a time at most,
// so a flood of sign-ins cannot starve the rest of the site.
const passwordChecks = processSingleton("password-checks", () => ({ running: 0 }));

/**
 * A sign-in attempt from `client` (its address), within the limits above: `{}` when the password
 * is the moderator's, else the error to show.
 */
export async function checkSignIn(password: unknown, passwordHash: string, client: string, now = Date.now()): Promise<SignInState> {
  if (!(await signInLimiter.take(client, now)) || !(await siteSignInLimiter.take("site", now))) {
    return { error: "Too many sign-in attempts. Please wait 15 minutes and try again." };
  }
  if (passwordChecks.running >= 2) return { error: "The server is busy checking other sign-ins. Please try again in a moment." };
  passwordChecks.running += 1;
  try {
    if (typeof password !== "string" || !(await verifyPassword(password, passwordHash))) return { error: "That password is not right." };
  } finally {
    passwordChecks.running -= 1;
  }
  return {};
}
