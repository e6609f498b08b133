// No imports: the sign-up form, which runs in the browser, reads these words.

/** How long a confirmation link works. */
export const confirmationHours = 48;

/** The words beside the sign-up button, kept with each sign-up as what the reader agreed to. */
export const signupWording = "We email the digests you tick, with the market as of sending; every email has a one-click unsubscribe link.";

/** The same answer for a new, pending, subscribed or refused address: the form tells no one who reads the site. */
export const signupAnswer = `Thank you. If this address can receive our newsletter, a link to confirm it is on its way: it works for ${confirmationHours} hours.`;

/** What a reader sees after following a link from an email. */
export const linkOutcomes = {
  confirmed: {
    title: "You are subscribed",
    text: "Thank you for confirming. Your first digest comes with the next stories; every one has a link to unsubscribe in one click.",
  },
  unsubscribed: {
    title: "You are unsubscribed",
    text: "No more newsletters will be sent to this address. If you change your mind, sign up again at the foot of any page.",
  },
  expired: {
    title: "This link no longer works",
    text: `It was used already, or it is more than ${confirmationHours} hours old, or it was not copied whole. Sign up again at the foot of any page to get a new one.`,
  },
} as const;
export type LinkOutcome = keyof typeof linkOutcomes;
