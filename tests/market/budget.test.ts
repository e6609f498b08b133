import { describe, expect, it } from "vitest";
import { type CallPriority, createLocalBudget } from "@/lib/market/budget";

describe("the upstream budget", () => {
  const options = { perMinute: 25, reserved: { ticker: 4, table: 1 } };

  it("allows no more than its calls per minute in a burst, however they are asked for", async () => {
    let now = 0;
    const budget = createLocalBudget({ ...options, now: () => now });
    const priorities: CallPriority[] = ["page", "table", "ticker"];
    const granted = (await Promise.all(Array.from({ length: 500 }, (_, index) => budget.take(priorities[index % 3]!)))).filter(Boolean);
    expect(granted).toHaveLength(25);
    now += 30_000;
    expect(await budget.take("ticker")).toBe(false);
    now += 30_001;
    expect(await budget.take("page")).toBe(true);
  });

  it("keeps calls back for the ticker, then the table, when coin pages take all they may", async () => {
    const budget = createLocalBudget({ ...options, now: () => 0 });
    let pages = 0;
    while (await budget.take("page")) pages += 1;
    expect(pages).toBe(20);
    expect(await budget.take("table")).toBe(true);
    expect(await budget.take("table")).toBe(false);
    let ticker = 0;
    while (await budget.take("ticker")) ticker += 1;
    expect(ticker).toBe(4);
  });

  it("counts a sliding minute, not a calendar one", async () => {
    let now = 0;
    const budget = createLocalBudget({ perMinute: 2, reserved: { ticker: 0, table: 0 }, now: () => now });
    expect(await budget.take("page")).toBe(true);
    now = 59_000;
    expect(await budget.take("page")).toBe(true);
    now = 60_500;
    // The first call left the window; the second has not.
    expect(await budget.take("page")).toBe(true);
    expect(await budget.take("page")).toBe(false);
  });
});
