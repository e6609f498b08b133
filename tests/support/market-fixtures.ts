import { readFileSync } from "node:fs";

/** A recorded upstream answer from tests/fixtures/market/, parsed fresh for each use. */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(`tests/fixtures/market/${name}`, "utf8"));
}

export const COINS = ["bitcoin", "ethereum", "solana", "binancecoin", "ripple"];
