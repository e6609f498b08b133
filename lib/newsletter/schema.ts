import { domainToASCII } from "node:url";
import { z } from "zod";
import { SLUG_PATTERN } from "../content/schema";

export const newsletterLists = ["daily", "weekly"] as const;
export const newsletterListSchema = z.enum(newsletterLists);
export type NewsletterList = z.infer<typeof newsletterListSchema>;

export const subscriberStatuses = ["pending", "confirmed", "unsubscribed", "bounced"] as const;

/** What the record of consent notes, in the order the events of one moment happen. */
export const consentEvents = ["requested", "confirmed", "unsubscribed", "bounced"] as const;
export const consentEventSchema = z.enum(consentEvents);
export type ConsentEvent = z.infer<typeof consentEventSchema>;
export const subscriberStatusSchema = z.enum(subscriberStatuses);
export type SubscriberStatus = z.infer<typeof subscriberStatusSchema>;

/**
 * A copy of a digest for one subscriber: queued (not yet handed to the SMTP server), handed-over (all but
 * the message's end was written to the server, which may have it), sent (the server took it), refused (a
 * permanent refusal of the address), skipped (unsubscribed before it went). A handed-over copy is never
 * sent again.
 */
export const deliveryStatuses = ["queued", "handed-over", "sent", "refused", "skipped"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const emailMaxLength = 254;

// Letters and digits of any script, and the symbols RFC 5322 allows unquoted; no quotes, angle
// brackets, commas, spaces or control characters, so an address can never add a header or a recipient.
const localPart = /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// The last label is letters, or an internationalised one in its ASCII form (xn--…), as browsers send it.
const domainPart = /^(?:[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?\.)+(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})$/iu;

const isMailbox = (address: string) => {
  const at = address.lastIndexOf("@");
  const [local, domain] = [address.slice(0, at), address.slice(at + 1)];
  return at > 0 && local.length <= 64 && localPart.test(local) && domainPart.test(domain);
};

/** An email address as a reader types it: trimmed, NFC, one mailbox, no way to smuggle in a header. */
export const emailAddressSchema = z
  .string({ error: "Please enter your email address." })
  // Measured before any pattern runs, so a 10 KB "address" costs nothing.
  .max(emailMaxLength * 4, { error: "This email address is too long." })
  .transform((value) => value.trim().normalize("NFC"))
  .pipe(
    z
      .string()
      .min(1, { error: "Please enter your email address." })
      .max(emailMaxLength, { error: "This email address is too long." })
      .refine(isMailbox, { error: "Please enter a valid email address, like name@example.com." }),
  );

/**
 * One subscriber per mailbox: domains are case-insensitive and have one ASCII form (bücher.example is
 * xn--bcher-kva.example), and in practice mailboxes are case-insensitive too.
 */
export function emailKey(email: string): string {
  const at = email.lastIndexOf("@");
  const domain = email.slice(at + 1);
  return `${email.slice(0, at)}@${domainToASCII(domain) || domain}`.toLowerCase();
}

const checked = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "");

/** Where a sign-up form sits: the footer of any page or the end of a story. */
export const signupSourceSchema = z
  .string()
  .refine((source) => source === "footer" || (source.startsWith("after-story:") && SLUG_PATTERN.test(source.slice("after-story:".length))), {
    error: "This form is out of date: please reload the page.",
  })
  .max(220);

/** What the sign-up form may carry. */
export const signupFormSchema = z
  .object({
    email: emailAddressSchema,
    daily: checked,
    weekly: checked,
    source: signupSourceSchema,
    /** The honeypot: hidden from people, filled in by form-filling bots. */
    homepage: z.string().optional(),
  })
  .refine((form) => form.daily || form.weekly, { error: "Choose the daily digest, the weekly one, or both.", path: ["lists"] });
export type SignupField = "email" | "lists";

export const listsText = (lists: { daily: boolean; weekly: boolean }) =>
  newsletterLists.filter((list) => lists[list]).join(",");

export const parseLists = (text: string | null) => {
  const names = new Set((text ?? "").split(","));
  return { daily: names.has("daily"), weekly: names.has("weekly") };
};

/** A confirmation or unsubscribe token as it arrives in a link: checked before any lookup. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}(?:\.[A-Za-z0-9_-]{20,100})?$/);

/** A subscriber's id: random, 20 characters, part of each of their unsubscribe links. */
export const subscriberIdSchema = z.string().regex(/^[A-Za-z0-9_-]{20}$/);

/** One subscriber as `npm run newsletter -- export` writes it and `import` reads it back. */
export const subscriberRecordSchema = z.strictObject({
  id: subscriberIdSchema,
  email: emailAddressSchema,
  status: subscriberStatusSchema,
  daily: z.boolean(),
  weekly: z.boolean(),
  createdAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
  unsubscribedAt: z.iso.datetime().nullable(),
  bouncedAt: z.iso.datetime().nullable(),
  bounceReason: z.string().max(500).nullable(),
  consent: z.array(
    z.strictObject({
      event: consentEventSchema,
      lists: z.string().max(32),
      source: z.string().max(300),
      wording: z.string().max(1000),
      at: z.iso.datetime(),
    }),
  ),
});
export type SubscriberRecord = z.infer<typeof subscriberRecordSchema>;
export const subscriberBackupSchema = z.strictObject({
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  /** The key that signs unsubscribe links, so links in emails already sent keep working after a move. */
  unsubscribeKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  subscribers: z.array(subscriberRecordSchema),
});
export type SubscriberBackup = z.infer<typeof subscriberBackupSchema>;
