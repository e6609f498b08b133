import { CORE_SCHEMA, YAMLException, load } from "js-yaml";

/** YAML an editor wrote that cannot be read, with where and why in words an editor understands. */
export class YamlError extends Error {
  constructor(
    /** 1-based line in the text that was parsed. */
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(line === undefined ? reason : `${reason} on line ${line}`);
  }
}

/** "not valid YAML on line 4: <why>", the same words for a post's frontmatter and for categories.yml. */
export function notValidYaml(error: YamlError): string {
  return `not valid YAML${error.line === undefined ? "" : ` on line ${error.line}`}: ${error.reason}`;
}

/** js-yaml's reasons are terse; the commonest mistakes are worth explaining in an editor's words. */
function explain(reason: string, lineText: string | undefined): string {
  const key = lineText?.match(/^\s*(?:- )?["']?([^"':]+)["']?\s*:/)?.[1];
  if (reason === "duplicated mapping key" && key) return `"${key.trim()}" is given twice; keep one`;
  if (reason.includes("flow collection")) return `${reason} (a "[" or "{" is not closed: put a value that starts with one in quotes)`;
  return reason;
}

/**
 * Parses editors' YAML. The core schema keeps dates as the text the editor wrote (the default schema
 * would turn 2024-02-30 into a Date of 1 March), and a key given twice is an error rather than a
 * silent overwrite. js-yaml rather than `yaml`: it reads a post's frontmatter about five times faster.
 */
export function parseYaml(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark?.line;
    throw new YamlError(line === undefined ? undefined : line + 1, explain(error.reason, text.split("\n")[line ?? -1]));
  }
}
