import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publicationCutoff } from "@/lib/content/cutoff";

const distDir = mkdtempSync(path.join(tmpdir(), "dist-"));
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe("publicationCutoff", () => {
  it("is the present moment where nothing was built", () => {
    expect(publicationCutoff(path.join(distDir, "missing"), false, 1_000)).toBe(1_000);
  });

  it("is the build's first moment for the whole build and for the servers after it", () => {
    expect(publicationCutoff(distDir, true, 5_000)).toBe(5_000);
    // A second worker of the same build, later.
    expect(publicationCutoff(distDir, true, 9_000)).toBe(5_000);
    // A server started a day later: a post dated in between stays scheduled until the next build.
    expect(publicationCutoff(distDir, false, 86_400_000)).toBe(5_000);
  });
});
