import "server-only";
import { clientAddress } from "../rate-limit";
import { type CommentFormState, submitComment } from "./submit";

/**
 * A comment from an HTTP request (the form's server action or the JSON route): the client is
 * the request's address, and a store failure is answered in words, not as a crash.
 */
export async function submitFromRequest(form: FormData, headers: Headers): Promise<CommentFormState> {
  try {
    return await submitComment(form, clientAddress(headers.get("x-forwarded-for")));
  } catch (error) {
    // Only the error's message is logged: never the form, which holds the reader's email.
    console.error(`[comments] a comment could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    return {
      status: "error",
      reason: "unavailable",
      message: "Your comment could not be saved just now. Please try again in a minute.",
      values: { name: String(form.get("name") ?? ""), body: String(form.get("body") ?? "") },
    };
  }
}
