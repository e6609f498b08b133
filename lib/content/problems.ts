import { closest } from "fastest-levenshtein";
import type { z } from "zod";

/** One thing an editor must fix, worded for them. */
export type ContentProblem = { file: string; message: string };

export function formatProblem({ file, message }: ContentProblem): string {
  return `${file}: ${message}`;
}

/** All problems in one error, so `next build` fails with the same list the checker prints. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was published:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

const typeWords: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
};

function describeValue(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a set of fields";
  return JSON.stringify(value);
}

/**
 * A zod error map in an editor's words. Messages written on the schema itself win over these;
 * this covers the generic cases (missing, wrong type, too long, unknown field).
 */
export function editorErrors(knownFields: readonly string[]) {
  return (issue: z.core.$ZodRawIssue): string | undefined => {
    switch (issue.code) {
      case "unrecognized_keys":
        return (issue.keys as string[])
          .map((key) => {
            const suggestion = knownFields.length ? closest(key, [...knownFields]) : undefined;
            return `unknown field "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}; known fields: ${knownFields.join(", ")}`;
          })
          .join("; ");
      case "invalid_type":
        return issue.input === undefined
          ? "is required"
          : `must be ${typeWords[String(issue.expected)] ?? String(issue.expected)}, not ${describeValue(issue.input)}`;
      case "too_small":
        return issue.origin === "array" ? `must list at least ${String(issue.minimum)}` : "must not be empty";
      case "too_big":
        return issue.origin === "array"
          ? `lists too many (at most ${String(issue.maximum)})`
          : `is too long (at most ${String(issue.maximum)} characters)`;
      default:
        return undefined;
    }
  };
}

/** Turns zod's issues into editor-facing problems: file, field, and what is wrong. */
export function problemsFromZod(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path
      .map((part) => (typeof part === "number" ? `#${part + 1}` : String(part)))
      .join(" ");
    return { file, message: field ? `${field} ${issue.message}` : issue.message };
  });
}
