import { afterEach, describe, expect, it, vi } from "vitest";
import { requireServer, runningInCi } from "./require-server";

describe("requireServer", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("answers true when the server was had, in CI or not", () => {
    vi.stubEnv("CI", "true");
    expect(requireServer("PostgreSQL", {})).toBe(true);
    vi.stubEnv("CI", "");
    expect(requireServer("PostgreSQL", { reason: undefined })).toBe(true);
  });

  it("fails in CI when the server cannot be had, naming it and why", () => {
    vi.stubEnv("CI", "true");
    expect(() => requireServer("PostgreSQL", { reason: "no initdb" })).toThrow(/^PostgreSQL is needed by these tests .*: no initdb$/);
  });

  it("outside CI warns loudly and answers false, for the caller to skip", () => {
    vi.stubEnv("CI", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(requireServer("Redis", { reason: "no redis-server" })).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/!!! SKIPPING THE TESTS THAT NEED REDIS .*: no redis-server/);
  });
});

describe("runningInCi", () => {
  it("reads CI as CI services and most tools do", () => {
    for (const value of ["true", "1", "yes", "TRUE"]) expect(runningInCi({ CI: value }), value).toBe(true);
    for (const value of [undefined, "", " ", "false", "False", "0"]) expect(runningInCi({ CI: value }), String(value)).toBe(false);
  });
});
