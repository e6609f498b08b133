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
import { readContentSnapshot } from "./snapshot";
import type { Content } from "./types";

type Source = { fingerprint: string; content: Content; scheduling: boolean };

// Shared by every bundle of the process, so content is loaded once, not once per route.
const cache = processSingleton("content", () => ({ source: undefined as Source | undefined, library: undefined as Library | undefined }));

/** In `next dev` an edited file must show on reload; elsewhere content is fixed for the process. */
function fingerprint(dir: string): string {
  if (!previewUnpublished) return "fixed";
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
 * A server publishes the content its build carries, each scheduled story at its moment. The build itself,
 * and anything without a build's content (the editors' preview, a bare `next build`, scripts), reads
 * CONTENT_DIR; only the preview and a build's servers follow the clock.
 */
function loadSource(): Source {
  const current = fingerprint(siteConfig.contentDir);
  if (cache.source?.fingerprint === current) return cache.source;
  const snapshot = previewUnpublished ? undefined : readContentSnapshot(env.NEXT_DIST_DIR);
  let content = snapshot;
  if (!content) {
    const now = previewUnpublished ? Date.now() : publicationCutoff(env.NEXT_DIST_DIR, building);
    const loaded = loadContent(siteConfig.contentDir, { now });
    if (loaded.problems.length > 0) throw new ContentError(loaded.problems);
    content = loaded.content;
  }
  cache.source = { fingerprint: current, content, scheduling: previewUnpublished || (snapshot !== undefined && !building) };
  cache.library = undefined;
  return cache.source;
}

/**
 * The site's content as it stands now: loaded and validated once per process (any problem throws a
 * ContentError listing them all, which fails the build), and indexed again only when a scheduled story's
 * moment passes.
 */
export function getLibrary(): Library {
  const { content, scheduling } = loadSource();
  const now = scheduling ? Date.now() : undefined;
  if (cache.library && (now === undefined || now < cache.library.validUntil)) return cache.library;
  cache.library = createLibrary(content, { includeUnpublished: previewUnpublished, now });
  return cache.library;
}

/** Everything the process's content holds, scheduled posts included: for indexes that each library then filters. */
export function getContent(): Content {
  return loadSource().content;
}
