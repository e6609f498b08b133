/**
 * Writes a content folder whose every text field is hostile (quotes, &, <, </script>, ]]>, emoji,
 * right-to-left text, control characters), dated an hour ago so it is also in the news sitemap.
 * The end-to-end suite builds a second site from it: `tsx tests/support/write-hostile-content.ts DIR`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const HOSTILE_TITLE = `</script><script>alert("x")</script> "Quotes" & <b>bold</b> ]]> 🚀 مرحبا بالعالم`;
export const HOSTILE_DESCRIPTION = `<!-- comment --> Tom & Jerry's "<guide>" to ]]> and \u2028 line separators 💸 שלום`;
export const HOSTILE_TAG = `<img src=x onerror=alert(1)> & "Tag"`;
export const HOSTILE_AUTHOR = `Zoë "The <Quill>" O'Brien & Co`;
export const HOSTILE_CATEGORY = `Markets & "Money" <Desk>`;

const yaml = (value: string) => JSON.stringify(value); // JSON strings are valid YAML double-quoted scalars

export function writeHostileContent(dir: string, now = Date.now()) {
  mkdirSync(path.join(dir, "posts"), { recursive: true });
  mkdirSync(path.join(dir, "authors"), { recursive: true });
  writeFileSync(path.join(dir, "categories.yml"), `- slug: markets\n  name: ${yaml(HOSTILE_CATEGORY)}\n  description: ${yaml(HOSTILE_DESCRIPTION)}\n`);
  writeFileSync(path.join(dir, "authors", "zoe.md"), `---\nname: ${yaml(HOSTILE_AUTHOR)}\n---\nBio with <script>alert(1)</script> & more.\n`);
  const date = new Date(now - 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
  const post = (slug: string, title: string, extra = "") =>
    writeFileSync(
      path.join(dir, "posts", `${slug}.md`),
      `---\ntitle: ${yaml(title)}\ndescription: ${yaml(HOSTILE_DESCRIPTION)}\ndate: ${date}\nauthor: zoe\ncategory: markets\ntags: [${yaml(HOSTILE_TAG)}, "Emoji 🚀"]\n${extra}---\n# ${title}\n\n<script>alert(1)</script>\n\nA body with **Markdown** & <iframe src="https://evil.example"></iframe>.\n`,
    );
  post("hostile-story", HOSTILE_TITLE);
  post("control-characters", "Bell \u0007 and null \u0000 characters in a title", `related: [hostile-story]\n`);
}

if (process.argv[1]?.endsWith("write-hostile-content.ts")) writeHostileContent(process.argv[2] ?? "/tmp/hostile-content");
