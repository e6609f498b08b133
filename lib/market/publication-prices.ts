import "server-only";
import type { Kysely } from "kysely";
import type { ChartRange } from "./coin-schema";
import type { PriceHistory } from "./coin-service";

/** A coin's price when a story was published, kept once known: the API cannot give it back after a year. */
export interface PublicationPricesTable {
  coin_id: string;
  /** The story's publication time, ISO 8601 UTC. */
  published_at: string;
  price_usd: number;
  /** The time of the price point used: at or shortly before publication. */
  priced_at: string;
  recorded_at: string;
}

export type PriceAtPublication =
  | { known: true; priceUsd: number; pricedAt: string }
  /** "too-old": past what the API plan serves; "not-yet": no history could be had just now. */
  | { known: false; reason: "too-old" | "not-yet" };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** What CoinGecko's Demo plan serves (reference, section 4); older prices are known only if kept earlier. */
const HISTORY_DAYS = 365;

/**
 * Where a publication time's price is read: the hourly 30-day history while it covers the time, then the
 * daily year. A point further before publication than `tolerance` (a gap in the data) is not used.
 */
const sources: { range: ChartRange; coversDays: number; toleranceMs: number }[] = [
  { range: "30d", coversDays: 29, toleranceMs: 2 * HOUR },
  { range: "1y", coversDays: HISTORY_DAYS - 1, toleranceMs: 36 * HOUR },
];

type Dependencies = {
  /** The site's database, opened when first needed. */
  db: () => Promise<Kysely<{ coin_publication_prices: PublicationPricesTable }>>;
  history: (id: string, range: ChartRange) => Promise<{ value: PriceHistory } | undefined>;
  now?: () => number;
  log?: (message: string) => void;
};

/** The last point at or before `at`, if close enough to it. */
function pointBefore(points: PriceHistory["points"], at: number, toleranceMs: number) {
  let found: PriceHistory["points"][number] | undefined;
  for (const point of points) {
    if (point.t > at) break;
    found = point;
  }
  return found && at - found.t <= toleranceMs ? found : undefined;
}

export function createPublicationPrices({ db: open, history, now = Date.now, log = console.warn }: Dependencies) {
  async function find(coinId: string, publishedAt: number): Promise<PriceAtPublication> {
    const db = await open();
    const publishedIso = new Date(publishedAt).toISOString();
    const stored = await db
      .selectFrom("coin_publication_prices")
      .select(["price_usd", "priced_at"])
      .where("coin_id", "=", coinId)
      .where("published_at", "=", publishedIso)
      .executeTakeFirst();
    if (stored) return { known: true, priceUsd: stored.price_usd, pricedAt: stored.priced_at };

    const age = now() - publishedAt;
    const source = sources.find(({ coversDays }) => age <= coversDays * DAY);
    if (!source) return { known: false, reason: "too-old" };
    const found = await history(coinId, source.range);
    const point = found && pointBefore(found.value.points, publishedAt, source.toleranceMs);
    if (!point) return { known: false, reason: "not-yet" };

    const row = { coin_id: coinId, published_at: publishedIso, price_usd: point.price, priced_at: new Date(point.t).toISOString(), recorded_at: new Date(now()).toISOString() };
    // Two servers may find it at once: the first kept wins, and both show the same figure next time.
    await db.insertInto("coin_publication_prices").values(row).onConflict((conflict) => conflict.columns(["coin_id", "published_at"]).doNothing()).execute();
    return { known: true, priceUsd: point.price, pricedAt: row.priced_at };
  }

  return {
    /** The coin's price when a story was published; with the database down, "not yet", never a broken story. */
    async priceAt(coinId: string, publishedAt: number): Promise<PriceAtPublication> {
      try {
        return await find(coinId, publishedAt);
      } catch (error) {
        log(`[market] price at publication of ${coinId}: ${error instanceof Error ? error.message : String(error)}`);
        return { known: false, reason: "not-yet" };
      }
    },
  };
}
