import { describe, expect, it } from "vitest";
import { convert, parseAmount } from "@/lib/market/convert";

describe("the converter", () => {
  it("reads amounts as readers type them, and nothing else", () => {
    expect(parseAmount("2")).toBe(2);
    expect(parseAmount(" 1,250.5 ")).toBe(1250.5);
    expect(parseAmount(".25")).toBe(0.25);
    expect(parseAmount("3.")).toBe(3);
    for (const text of ["", "-1", "1e9", "abc", "1.2.3", "Infinity", "NaN", "0x10", "12345678901234567", "<script>"]) {
      expect(parseAmount(text), text).toBeUndefined();
    }
  });

  it("converts both ways at the price, in the site's formats", () => {
    expect(convert(2, "coin", "BTC", 63988)).toBe("2 BTC = $127,976");
    expect(convert(1000, "usd", "BTC", 63988)).toBe("$1,000.00 = 0.01562793 BTC");
    expect(convert(0.5, "coin", "ETH", 3412.77)).toBe("0.5 ETH = $1,706.39");
    expect(convert(1, "usd", "PEPE", 2.586e-6)).toBe("$1.00 = 386,697.6 PEPE");
    expect(convert(0, "coin", "BTC", 63988)).toBe("0 BTC = $0");
  });
});
