import { afterAll, expect, it, vi } from "vitest";

// A database that answers nothing: a PostgreSQL URL on a port where no server listens.
vi.stubEnv("DATABASE_URL", "postgres://nobody@127.0.0.1:9/newsletter");
vi.stubEnv("CONTENT_DIR", "tests/fixtures/content/valid");
const { signUpFromRequest } = await import("@/lib/newsletter/signup");
const { oneClickUnsubscribe } = await import("@/lib/newsletter/unsubscribe-link");
afterAll(() => vi.unstubAllEnvs());

it("answers a sign-up in words when the database is down, sends nothing, and logs no address", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const form = new FormData();
  for (const [name, value] of Object.entries({ email: "ada.secret@example.com", daily: "1", source: "footer" })) form.append(name, value);

  const { state, send } = await signUpFromRequest(form, new Headers({ "x-forwarded-for": "203.0.113.9" }));

  expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/could not be saved just now/) });
  expect(send).toBeUndefined();
  expect(logged).toHaveBeenCalled();
  expect(JSON.stringify(logged.mock.calls)).not.toContain("ada.secret");
  logged.mockRestore();
});

it("answers a one-click unsubscribe with 503, to be tried again, when the database is down", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const answer = await oneClickUnsubscribe(`${"a".repeat(20)}.${"b".repeat(43)}`);
  expect(answer.status).toBe(503);
  expect(answer.headers.get("location")).toBeNull();
  logged.mockRestore();
});
