import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const defaults: Record<string, string> = {
  "categories.yml": "- slug: markets\n  name: Markets\n  description: Prices.\n- slug: defi\n  name: DeFi\n  description: Protocols.\n",
  "authors/alice.md": "---\nname: Alice Example\n---\nBio.\n",
  "authors/bob.md": "---\nname: Bob Example\n---\nBio.\n",
};

/** A post file's text from frontmatter fields (YAML lines) and a body. */
export function postFile(fields: Record<string, string>, body = "Body text.") {
  const base = { title: "A title", description: "A description.", date: "2024-03-01", author: "alice", category: "markets" };
  const lines = Object.entries({ ...base, ...fields })
    .filter(([, value]) => value !== "<omit>")
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}

/** Writes a small content folder (categories and two authors by default) and returns its path. */
export function makeContentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "content-"));
  for (const [name, text] of Object.entries({ ...defaults, ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
