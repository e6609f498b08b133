import type { SiteDatabase } from "@/lib/database/db";
import { postFile } from "./content-dir";

/** Posts around `now` for digest tests: two in the last day, one two days old, a draft and a scheduled one. */
export function digestPosts(now: number): Record<string, string> {
  const at = (hours: number) => new Date(now + hours * 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    "posts/fresh-etf-record.md": postFile({ title: "ETF inflows set a record", description: "Spot funds took in $1.2bn.", date: at(-2), image: "/images/etf-flows-chart.jpg", imageAlt: "A chart of ETF flows" }),
    "posts/fresh-miners.md": postFile({ title: "Miners sell less", description: "Hash price steadies.", date: at(-5) }),
    "posts/older-stablecoins.md": postFile({ title: "Stablecoin supply grows", description: "A third month of growth.", date: at(-48) }),
    "posts/draft-piece.md": postFile({ title: "An unfinished draft", description: "Not for readers.", date: at(-1), draft: "true" }),
    "posts/scheduled-piece.md": postFile({ title: "A story for tomorrow", description: "Not yet.", date: at(20) }),
  };
}

let subscribers = 0;
export const newAddress = (label = "reader") => `${label}.${process.pid}.${++subscribers}@example.com`;

/** Subscribes and confirms `email` as a reader would, through the newsletter's own functions. */
export async function confirmedSubscriber(db: SiteDatabase, email: string, lists = { daily: true, weekly: false }, now = new Date()) {
  const { requestSubscription, confirmSubscription, subscriberByEmail } = await import("@/lib/newsletter/subscribers");
  const request = await requestSubscription(db, { email, lists, consent: { source: "footer", wording: "test" }, windowMs: 0, now });
  if (!request) throw new Error("the sign-up was refused");
  await confirmSubscription(db, request.token, now);
  return (await subscriberByEmail(db, email))!;
}
