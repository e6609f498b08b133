import "server-only";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { siteConfig } from "../config";
import { building, env, previewUnpublished } from "../env";
import { processSingleton } from "../process-singleton";
import { publicationCutoff } from "./cutoff";
import { loadContent } from "./load";
import { ContentError } from "./problems";
import { type Library, createLibrary } from "./queries";

// Shared by every bundle of the process, so content is loaded once, not once per route.
const cache = processSingleton("content", () => ({ current: undefined as { fingerprint: string; library: Library } | undefined }));

/** In `next dev` an edited file must show on reload; elsewhere content is fixed for the process. */
function fingerprint(dir: string): string {
  if (!previewUnpublished) return "build";
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const { mtimeMs, size } = statSync(file);
      return `${file}:${mtimeMs}:${size}`;
    })
    .join("|");
}

/**
 * The site's content, loaded, validated and rendered once per process. Any problem throws
 * a ContentError listing them all, which fails `next build`: nothing half-built is published.
 */
export function getLibrary(): Library {
  const current = fingerprint(siteConfig.contentDir);
  if (cache.current?.fingerprint === current) return cache.current.library;
  const now = previewUnpublished ? Date.now() : publicationCutoff(env.NEXT_DIST_DIR, building);
  const { content, problems } = loadContent(siteConfig.contentDir, { now });
  if (problems.length > 0) throw new ContentError(problems);
  cache.current = { fingerprint: current, library: createLibrary(content, { includeUnpublished: previewUnpublished }) };
  return cache.current.library;
}
