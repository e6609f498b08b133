import matter from "gray-matter";
import { YamlError, notValidYaml, parseYaml } from "./yaml";

export type ParsedFile =
  | { ok: true; data: Record<string, unknown>; body: string }
  | { ok: false; message: string };

const engines = { yaml: (source: string) => parseYaml(source) as object };

/** Splits a Markdown file into its frontmatter and body; BOM and CRLF line endings are fine. */
export function parseFrontmatter(raw: string): ParsedFile {
  const source = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (source.trim() === "") return { ok: false, message: "the file is empty" };
  if (!matter.test(source)) {
    return { ok: false, message: 'has no frontmatter: the file must start with a "---" line, the fields, and another "---" line' };
  }
  // gray-matter picks its parser from the opening line, and "---js" is evaluated as JavaScript: a post must
  // never run code, so any fence but a bare "---" is refused before gray-matter reads it.
  const { name: language } = matter.language(source);
  if (language !== "") {
    return { ok: false, message: `the opening "---" line must have nothing after it (found "---${language}"): frontmatter is YAML` };
  }
  // Without its closing line, every line of the body would be read as YAML, and fail in YAML's words.
  if (!/\n---[ \t]*(?:\n|$)/.test(source.slice(3))) {
    return { ok: false, message: 'the frontmatter has no closing "---" line: end the fields with a line of three dashes' };
  }
  try {
    const { data, content } = matter(source, { engines });
    if (data === null || typeof data !== "object" || Array.isArray(data) || Object.keys(data).length === 0) {
      return { ok: false, message: "the frontmatter is empty or is not a set of fields" };
    }
    return { ok: true, data, body: content };
  } catch (error) {
    if (error instanceof YamlError) {
      // gray-matter hands YAML the text from the end of the opening "---", so its lines are the file's.
      return { ok: false, message: `the frontmatter is ${notValidYaml(error)}` };
    }
    throw error;
  }
}
