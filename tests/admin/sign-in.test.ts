import { describe, expect, it } from "vitest";
import { checkSignIn } from "@/lib/admin/sign-in";
import { cheapHash } from "../support/password-hash";

const password = "moderator password";
const hash = cheapHash(password);
const quarterHour = 15 * 60 * 1000;
const tooMany = { error: "Too many sign-in attempts. Please wait 15 minutes and try again." };
const wrong = { error: "That password is not right." };
const busy = { error: "The server is busy checking other sign-ins. Please try again in a moment." };

// The limiters live as long as the process, so each test starts a day after the one before: no
// attempt of an earlier test is in its windows (an attempt later than "now" would count as recent).
let days = 0;
const newDay = () => Date.UTC(2025, 0, 1) + ++days * 24 * 60 * 60 * 1000;
let clients = 0;
const newClient = () => `198.51.100.${++clients}`;

describe("checkSignIn", () => {
  it("signs in with the moderator's password only", async () => {
    const now = newDay();
    expect(await checkSignIn(password, hash, newClient(), now)).toEqual({});
    expect(await checkSignIn("Moderator password", hash, newClient(), now)).toEqual(wrong);
    expect(await checkSignIn(null, hash, newClient(), now)).toEqual(wrong);
  });

  it("allows ten attempts per address per 15 minutes, then refuses that address even the right password", async () => {
    const now = newDay();
    const guesser = newClient();
    for (let i = 0; i < 10; i++) expect(await checkSignIn(`guess ${i}`, hash, guesser, now + i), `attempt ${i + 1}`).toEqual(wrong);
    expect(await checkSignIn(password, hash, guesser, now + 10)).toEqual(tooMany);
    expect(await checkSignIn(password, hash, newClient(), now + 11)).toEqual({});
    // The window slides: 15 minutes after the first attempt, its place (and only that) is free again.
    expect(await checkSignIn(password, hash, guesser, now + quarterHour - 1)).toEqual(tooMany);
    expect(await checkSignIn(password, hash, guesser, now + quarterHour)).toEqual({});
    expect(await checkSignIn(password, hash, guesser, now + quarterHour)).toEqual(tooMany);
  });

  // An address can be forged where no proxy sets X-Forwarded-For: a guesser with a new one for
  // every attempt still meets the ceiling for everyone.
  it("allows a hundred attempts from everyone together per 15 minutes, whatever their addresses", async () => {
    const now = newDay();
    for (let i = 0; i < 100; i++) expect(await checkSignIn(`guess ${i}`, hash, newClient(), now + i), `attempt ${i + 1}`).toEqual(wrong);
    expect(await checkSignIn(password, hash, newClient(), now + 100)).toEqual(tooMany);
    expect(await checkSignIn(password, hash, newClient(), now + quarterHour)).toEqual({});
  });

  it("checks two passwords at a time at most: a third sign-in meanwhile is told the server is busy", async () => {
    const now = newDay();
    // Started together: each check runs scrypt on the thread pool, so the first two are still running when the third comes.
    expect(await Promise.all([password, "wrong", password].map((attempt) => checkSignIn(attempt, hash, newClient(), now)))).toEqual([{}, wrong, busy]);
    // A finished check frees its place, right or wrong.
    expect(await Promise.all([password, password].map((attempt) => checkSignIn(attempt, hash, newClient(), now)))).toEqual([{}, {}]);
  });
});
