import { randomBytes, scryptSync } from "node:crypto";

/** A hash in hashPassword's format with a cheap cost, so most checks run in milliseconds. */
export function cheapHash(password: string, { N = 1_024, r = 8, p = 1, keyLength = 32 } = {}) {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, keyLength, { N, r, p });
  return `scrypt:${N}:${r}:${p}:${salt.toString("base64url")}:${key.toString("base64url")}`;
}
