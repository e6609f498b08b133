import type { Selectable } from "kysely";
import type { ConsentEvent, DeliveryStatus, NewsletterList, SubscriberStatus } from "./schema";

/** Times are ISO 8601 in UTC, so text order is time order in both dialects; flags are 0 or 1. */
export interface SubscribersTable {
  id: string;
  /** As the reader typed it (trimmed, NFC); never in a page, feed, log line or error. */
  email: string;
  /** The address lowercased: one subscriber per mailbox, however it is capitalised. */
  email_key: string;
  status: SubscriberStatus;
  daily: number;
  weekly: number;
  /** SHA-256 of the pending confirmation link's token; the token itself is only in the email. */
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  /** The lists the pending confirmation subscribes to, e.g. "daily,weekly". */
  confirm_lists: string | null;
  /** When this address was last sent a confirmation email, for the one-email-per-window limit. */
  last_confirmation_sent_at: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  bounced_at: string | null;
  /** The SMTP server's permanent refusal, as it worded it. */
  bounce_reason: string | null;
}

/** The record of consent: what was asked for, confirmed or withdrawn, when and from which form. */
export interface ConsentEventsTable {
  id: string;
  subscriber_id: string;
  event: ConsentEvent;
  lists: string;
  /** Which form (footer, after-story:<slug>), email link or command it came from. */
  source: string;
  /** The words the reader agreed to, as the form showed them. */
  wording: string;
  at: string;
}

export interface DigestsTable {
  id: string;
  list: NewsletterList;
  /** Stories published after this moment and up to period_end are in the digest. */
  period_start: string;
  period_end: string;
  /** The digest as sent (stories and market), JSON: every copy and its web page are made from it. */
  content: string;
  status: "sending" | "sent";
  created_at: string;
  finished_at: string | null;
}

export interface DeliveriesTable {
  digest_id: string;
  subscriber_id: string;
  status: DeliveryStatus;
  attempts: number;
  /** The last failure, in the SMTP server's words (no address). */
  error: string | null;
  updated_at: string;
}

/** Values the newsletter keeps for itself, such as the key that signs unsubscribe links. */
export interface NewsletterSettingsTable {
  key: string;
  value: string;
}

export interface NewsletterTables {
  newsletter_subscribers: SubscribersTable;
  newsletter_consent_events: ConsentEventsTable;
  newsletter_digests: DigestsTable;
  newsletter_deliveries: DeliveriesTable;
  newsletter_settings: NewsletterSettingsTable;
}

export type SubscriberRow = Selectable<SubscribersTable>;
export type DigestRow = Selectable<DigestsTable>;
