import { afterAll, expect, it, vi } from "vitest";

// A database that answers nothing: a PostgreSQL URL on a port where no server listens.
vi.stubEnv("DATABASE_URL", "postgres://nobody@127.0.0.1:9/comments");
vi.stubEnv("CONTENT_DIR", "tests/fixtures/content/valid");
const { submitFromRequest } = await import("@/lib/comments/submit-request");
afterAll(() => vi.unstubAllEnvs());

it("answers in words when the store is down, keeps the text, and logs no email", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const form = new FormData();
  const fields = { postSlug: "etf-flows", name: "Ada", email: "ada.secret@example.com", body: "Kept for a retry.", renderedAt: "0" };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);

  const state = await submitFromRequest(form, new Headers({ "x-forwarded-for": "203.0.113.9" }));

  expect(state).toMatchObject({ status: "error", reason: "unavailable", values: { name: "Ada", body: "Kept for a retry." } });
  expect(state.message).toMatch(/could not be saved just now/);
  expect(JSON.stringify(state)).not.toContain("ada.secret");
  expect(logged).toHaveBeenCalled();
  expect(JSON.stringify(logged.mock.calls)).not.toContain("ada.secret");
  logged.mockRestore();
});
