import { createHmac, timingSafeEqual } from "node:crypto";

export const sessionCookieName = "hashline_moderator";
export const sessionMaxAgeSeconds = 8 * 60 * 60;

// Keyed by the password hash: changing the password signs every moderator out.
const sign = (payload: string, passwordHash: string) =>
  createHmac("sha256", `hashline-moderator-session:${passwordHash}`).update(payload).digest("base64url");

/** A signed token that says "a moderator signed in" until it expires. */
export function createSessionToken(passwordHash: string, now = Date.now()): string {
  const payload = String(now + sessionMaxAgeSeconds * 1000);
  return `${payload}.${sign(payload, passwordHash)}`;
}

export function isValidSessionToken(token: string | undefined, passwordHash: string, now = Date.now()): boolean {
  const [payload, signature] = token?.split(".") ?? [];
  if (!payload || !signature || !/^\d+$/.test(payload)) return false;
  const expected = Buffer.from(sign(payload, passwordHash));
  const actual = Buffer.from(signature);
  return actual.length === expected.length && timingSafeEqual(actual, expected) && Number(payload) > now;
}
