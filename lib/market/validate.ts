import "server-only";
import { z } from "zod";
import { UpstreamError } from "./http";

/** Parses an upstream answer or fails with the reason, in one line for the log. */
export function validate<T extends z.ZodType>(schema: T, body: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(`${what}: unexpected answer: ${z.prettifyError(parsed.error).replaceAll("\n", " ")}`);
  }
  return parsed.data;
}

/**
 * The entries of a list answer that pass `schema`; each one that does not is dropped and logged by its id, so one
 * bad coin costs that coin, not the answer.
 */
export function validEntries<T extends z.ZodType>(schema: T, entries: unknown[], what: string, log: (message: string) => void): z.output<T>[] {
  return entries.flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) return [parsed.data];
    const id = (entry as { id?: unknown } | null)?.id;
    log(`${what}: dropped ${typeof id === "string" ? id.slice(0, 80) : "an entry"}: ${z.prettifyError(parsed.error).replaceAll("\n", " ")}`);
    return [];
  });
}
