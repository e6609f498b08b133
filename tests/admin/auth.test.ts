import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/admin/password";
import { createSessionToken, isValidSessionToken, sessionMaxAgeSeconds } from "@/lib/admin/session";
import { cheapHash } from "../support/password-hash";

describe("hashPassword and verifyPassword", () => {
  const password = "correct horse battery staple";
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword(password);
  });

  it("writes scrypt at OWASP's cost, with a salt and a 32-byte key, and no \"$\" to trip up .env files", () => {
    expect(hash).toMatch(/^scrypt:131072:8:1:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain("$");
  });

  it("accepts the password and refuses any other", async () => {
    const attempts = [password, "Correct horse battery staple", `${password} `, ""];
    // In parallel: scrypt runs on libuv's thread pool, and each check takes a quarter of a second.
    expect(await Promise.all(attempts.map((attempt) => verifyPassword(attempt, hash)))).toEqual([true, false, false, false]);
  });

  it("salts every hash, so the same password never hashes the same", async () => {
    const again = await hashPassword(password);
    expect(again).not.toBe(hash);
    expect(again.split(":")[4]).not.toBe(hash.split(":")[4]);
    expect(await verifyPassword(password, again)).toBe(true);
  });

  it("reads the cost from the hash, so older or cheaper hashes still work", async () => {
    const cheap = cheapHash("pässwörd 🔑");
    expect(await verifyPassword("pässwörd 🔑", cheap)).toBe(true);
    expect(await verifyPassword("passwörd 🔑", cheap)).toBe(false);
  });

  it("matches nothing with a malformed hash, without throwing", async () => {
    const [, , , , salt = "", key = ""] = cheapHash("secret").split(":");
    const malformed = [
      "",
      "secret",
      "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
      "$scrypt$ln=17,r=8,p=1$c2FsdA$a2V5",
      `bcrypt:1024:8:1:${salt}:${key}`,
      `scrypt:1024:8:1:${salt}`,
      `scrypt:1024:8:1::${key}`,
      `scrypt:1024:8:1:${salt}:`,
      `scrypt:abc:8:1:${salt}:${key}`,
      `scrypt:0:8:1:${salt}:${key}`,
      `scrypt:-1024:8:1:${salt}:${key}`,
      `scrypt:1024.5:8:1:${salt}:${key}`,
      `scrypt:1000:8:1:${salt}:${key}`, // N must be a power of two
      `scrypt:1099511627776:8:1:${salt}:${key}`, // more memory than allowed
      `scrypt:1024:8:1:${salt}:${key.slice(0, 20)}`, // a key of 15 bytes
    ];
    for (const bad of malformed) expect(await verifyPassword("secret", bad), bad).toBe(false);
  });
});

describe("session tokens", () => {
  const hash = cheapHash("moderator password");
  const now = Date.UTC(2025, 0, 1);
  const token = createSessionToken(hash, now);
  const maxAge = sessionMaxAgeSeconds * 1_000;

  it("carry their expiry, eight hours on, and a signature", () => {
    expect(sessionMaxAgeSeconds).toBe(8 * 60 * 60);
    expect(token).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(Number(token.split(".")[0])).toBe(now + maxAge);
  });

  it("are valid until they expire", () => {
    expect(isValidSessionToken(token, hash, now)).toBe(true);
    expect(isValidSessionToken(token, hash, now + maxAge - 1)).toBe(true);
    expect(isValidSessionToken(token, hash, now + maxAge)).toBe(false);
    expect(isValidSessionToken(token, hash, now + 30 * maxAge)).toBe(false);
  });

  it("are refused when tampered with", () => {
    const [payload, signature] = token.split(".") as [string, string];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    expect(isValidSessionToken(`${Number(payload) + maxAge}.${signature}`, hash, now)).toBe(false);
    expect(isValidSessionToken(`${payload}.${flipped}`, hash, now)).toBe(false);
    expect(isValidSessionToken(`${payload}.${signature.slice(1)}`, hash, now)).toBe(false);
    expect(isValidSessionToken(`${payload}.${signature}${signature}`, hash, now)).toBe(false);
    expect(isValidSessionToken(`0${payload}.${signature}`, hash, now)).toBe(false);
  });

  it("are refused when signed with another password hash, so a new password signs everyone out", () => {
    expect(isValidSessionToken(createSessionToken(cheapHash("moderator password"), now), hash, now)).toBe(false);
    expect(isValidSessionToken(token, cheapHash("moderator password"), now)).toBe(false);
  });

  it("are refused when missing or malformed, without throwing", () => {
    const signature = token.split(".")[1];
    for (const bad of [undefined, "", ".", "abc", token.split(".")[0], `${token.split(".")[0]}.`, `.${signature}`, `-1.${signature}`, `1e20.${signature}`, `9999999999999.${"x".repeat(43)}`]) {
      expect(isValidSessionToken(bad, hash, now), String(bad)).toBe(false);
    }
  });
});
