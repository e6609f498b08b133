import matter from "gray-matter";
import { parse as parseYaml, YAMLParseError } from "yaml";

export type ParsedFile =
  | { ok: true; data: Record<string, unknown>; body: string }
  | { ok: false; message: string };

// YAML's core schema keeps dates as the text the editor wrote (js-yaml would silently
// turn 2024-02-30 into 1 March), and duplicate keys are an error rather than a silent overwrite.
const engines = {
  yaml: (source: string) => parseYaml(source, { schema: "core", uniqueKeys: true }) as object,
};

/** Splits a Markdown file into its frontmatter and body; BOM and CRLF line endings are fine. */
export function parseFrontmatter(raw: string): ParsedFile {
  const source = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (source.trim() === "") return { ok: false, message: "the file is empty" };
  if (!matter.test(source)) {
    return { ok: false, message: 'has no frontmatter: the file must start with a "---" line, the fields, and another "---" line' };
  }
  try {
    const { data, content } = matter(source, { engines });
    if (data === null || typeof data !== "object" || Array.isArray(data) || Object.keys(data).length === 0) {
      return { ok: false, message: "the frontmatter is empty or is not a set of fields" };
    }
    return { ok: true, data, body: content };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // gray-matter hands YAML the text from the end of the opening "---", so its lines are the file's.
      const line = error.linePos ? ` on line ${error.linePos[0].line}` : "";
      const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
      return { ok: false, message: `the frontmatter is not valid YAML${line}: ${reason}` };
    }
    throw error;
  }
}
