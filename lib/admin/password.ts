import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

// scrypt at OWASP's recommended cost. The hash has no "$" in it, so .env files copy it as it is.
const params = { N: 131_072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const keyLength = 32;

/** `scrypt:N:r:p:salt:key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, keyLength, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join(":");
}

/** Checks a password against a hash in constant time; a malformed hash matches nothing. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = hash.split(":");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(cost).every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(key, "base64url");
  if (expected.length < 16) return false;
  try {
    const actual = await scryptAsync(password, Buffer.from(salt, "base64url"), expected.length, { ...cost, maxmem: params.maxmem });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
