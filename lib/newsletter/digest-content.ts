import { z } from "zod";
import { newsletterListSchema } from "./schema";

const figureTime = z.iso.datetime();

/** A digest as sent: stored once, so every copy, a resumed send and its web page show the same thing. */
export const digestContentSchema = z.object({
  list: newsletterListSchema,
  subject: z.string(),
  periodStart: z.iso.datetime(),
  periodEnd: z.iso.datetime(),
  stories: z.array(
    z.object({
      title: z.string(),
      standfirst: z.string(),
      url: z.url(),
      publishedAt: z.iso.datetime(),
      image: z.object({ url: z.url(), alt: z.string() }).nullable(),
    }),
  ),
  /** The market as of sending, each figure with the moment it is from; "snapshot" when only the bundled one was at hand. */
  market: z.object({
    source: z.enum(["live", "cache", "snapshot"]),
    btc: z.object({ priceUsd: z.number(), change24hPct: z.number().nullable(), at: figureTime }).nullable(),
    dominance: z.object({ btcPct: z.number(), at: figureTime }),
    marketCap: z.object({ usd: z.number(), change24hPct: z.number(), at: figureTime }),
    fearGreed: z.object({ value: z.number(), classification: z.string(), at: figureTime }).nullable(),
  }),
});
export type DigestContent = z.infer<typeof digestContentSchema>;
export type DigestStory = DigestContent["stories"][number];
export type DigestMarket = DigestContent["market"];
