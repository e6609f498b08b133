import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { SiteDatabase } from "@/lib/database/db";
import type { ChartRange } from "@/lib/market/coin-schema";
import type { PriceHistory } from "@/lib/market/coin-service";
import { parsePriceHistory } from "@/lib/market/providers/coingecko-coins";
import { newPostgresDatabase, tempSqliteUrl } from "../support/comments-db";
import { fixture } from "../support/market-fixtures";
import { startPostgres } from "../support/postgres";
import { requireServer } from "../support/require-server";

const { migrate, openDatabase } = await import("@/lib/database/db");
const { createPublicationPrices } = await import("@/lib/market/publication-prices");

const postgres = await startPostgres();
afterAll(() => postgres.stop());
const havePostgres = requireServer("PostgreSQL", postgres);

/** The recorded charts' moment: 1 March 2024, 12:00 UTC. */
const RECORDED_AT = Date.UTC(2024, 2, 1, 12);
const charts: Partial<Record<ChartRange, PriceHistory>> = {
  "30d": { points: parsePriceHistory(fixture("coingecko-market-chart-bitcoin-30.json"), "30d", vi.fn()), limitedToYear: false },
  "1y": { points: parsePriceHistory(fixture("coingecko-market-chart-bitcoin-365.json"), "1y", vi.fn()), limitedToYear: false },
};

function publicationPrices(newUrl: () => Promise<string>) {
  const opened: SiteDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.destroy()));
  });
  async function setUp(now = RECORDED_AT) {
    const db = await openDatabase(await newUrl());
    await migrate(db);
    opened.push(db);
    const asked: ChartRange[] = [];
    const history = vi.fn(async (_id: string, range: ChartRange) => {
      asked.push(range);
      const chart = charts[range];
      return chart && { value: chart };
    });
    return { db, asked, history, prices: (at = now) => createPublicationPrices({ db: async () => db, history, now: () => at }) };
  }

  it("reads the hourly history for a story of the last month: the last point at or before publication", async () => {
    const { prices, asked } = await setUp();
    // The reference's worked examples (fixtures README).
    expect(await prices().priceAt("bitcoin", Date.UTC(2024, 1, 26, 15, 20))).toEqual({ known: true, priceUsd: 52616.9215152402, pricedAt: new Date(1708959834634).toISOString() });
    // The 12:00 point carries 12:00:27, after the story: the 11:03 point is the price when it was published.
    expect(await prices().priceAt("bitcoin", Date.UTC(2024, 1, 29, 12))).toMatchObject({ known: true, priceUsd: 63118.8644845371 });
    expect(asked).toEqual(["30d", "30d"]);
  });

  it("reads the daily history for an older story within the plan's year", async () => {
    const { prices, asked } = await setUp();
    expect(await prices().priceAt("bitcoin", Date.UTC(2023, 10, 15, 8))).toMatchObject({ known: true, priceUsd: 41720.236300133 });
    expect(asked).toEqual(["1y"]);
  });

  it("says a price past the plan's year cannot be known, without asking", async () => {
    const { prices, history } = await setUp();
    expect(await prices().priceAt("bitcoin", Date.UTC(2022, 5, 1))).toEqual({ known: false, reason: "too-old" });
    expect(history).not.toHaveBeenCalled();
  });

  it("keeps a price once known, so the story still shows it when it ages out of the history", async () => {
    const { prices, history } = await setUp();
    const published = Date.UTC(2024, 1, 26, 15, 20);
    const first = await prices().priceAt("bitcoin", published);
    const twoYearsLater = prices(RECORDED_AT + 2 * 365 * 86_400_000);
    expect(await twoYearsLater.priceAt("bitcoin", published)).toEqual(first);
    expect(history).toHaveBeenCalledTimes(1);
  });

  it("says 'not yet' when no history can be had, or the history has a gap at the time, and keeps nothing", async () => {
    const { prices, history, db } = await setUp();
    history.mockResolvedValueOnce(undefined);
    expect(await prices().priceAt("bitcoin", Date.UTC(2024, 1, 26))).toEqual({ known: false, reason: "not-yet" });
    // Before the 30-day chart's first point: nothing at or before the time.
    const firstHour = charts["30d"]!.points[0]!.t;
    expect(await prices(firstHour + 20 * 86_400_000).priceAt("bitcoin", firstHour - 3_600_000)).toEqual({ known: false, reason: "not-yet" });
    expect(await db.selectFrom("coin_publication_prices").selectAll().execute()).toEqual([]);
  });

  it("says 'not yet' with the database down or gone, never failing the story, and logs why", async () => {
    const { db, history } = await setUp();
    const log = vi.fn();
    const down = createPublicationPrices({ db: () => Promise.reject(new Error("connect ECONNREFUSED")), history, now: () => RECORDED_AT, log });
    expect(await down.priceAt("bitcoin", Date.UTC(2024, 1, 26, 15, 20))).toEqual({ known: false, reason: "not-yet" });
    await db.destroy();
    const gone = createPublicationPrices({ db: async () => db, history, now: () => RECORDED_AT, log });
    expect(await gone.priceAt("bitcoin", Date.UTC(2024, 1, 26, 15, 20))).toEqual({ known: false, reason: "not-yet" });
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0]?.[0]).toMatch(/price at publication of bitcoin: connect ECONNREFUSED/);
  });

  it("keeps one price when two servers find it at once", async () => {
    const { prices, db } = await setUp();
    const published = Date.UTC(2024, 1, 20, 9);
    const [a, b] = await Promise.all([prices().priceAt("ethereum", published), prices().priceAt("ethereum", published)]);
    expect(a).toEqual(b);
    expect(await db.selectFrom("coin_publication_prices").selectAll().execute()).toHaveLength(1);
  });
}

describe("prices at publication in SQLite", () => publicationPrices(async () => tempSqliteUrl()));
describe.runIf(havePostgres)("prices at publication in PostgreSQL", () => publicationPrices(() => newPostgresDatabase(postgres!.url!)));
