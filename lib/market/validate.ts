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
