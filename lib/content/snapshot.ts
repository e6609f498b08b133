import "server-only";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeSchedule } from "../cache/publication-schedule.mjs";
import type { Content } from "./types";

/** The build's content, in its folder: what its servers publish, whatever CONTENT_DIR they start with. */
const SNAPSHOT_FILE = "content.json";

/**
 * Writes the content a build carries: its published and scheduled posts (never its drafts), authors and
 * categories, and the schedule that tells the page cache when a scheduled story goes live.
 */
export function writeContentSnapshot(content: Content, distDir: string, cutoff: number) {
  const posts = content.posts.filter((post) => post.status !== "draft");
  writeFileSync(path.join(distDir, SNAPSHOT_FILE), JSON.stringify({ ...content, posts }));
  writeSchedule(distDir, cutoff, posts.map((post) => post.publishedAt));
}

/** The build's content, or undefined for a build without one (a bare `next build`). Written by us: not validated. */
export function readContentSnapshot(distDir: string): Content | undefined {
  try {
    return JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ distDir, SNAPSHOT_FILE), "utf8")) as Content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
