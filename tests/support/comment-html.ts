import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("render-comment-text.tsx", import.meta.url));

/** Each body as <CommentText> renders it to HTML (one child process for them all). */
export function renderCommentTexts(bodies: string[]): string[] {
  const { NODE_OPTIONS: _options, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", script], {
    input: JSON.stringify(bodies),
    encoding: "utf8",
    env,
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`rendering CommentText failed:\n${result.error ?? ""}${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}
