"use server";

import { headers } from "next/headers";
import { clientAddress } from "../rate-limit";
import { type CommentFormState, submitComment } from "./submit";

/** The comment form's action: a plain POST with JavaScript off, a fetch with it on. */
export async function postComment(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  try {
    return await submitComment(form, clientAddress((await headers()).get("x-forwarded-for")));
  } catch (error) {
    // The database is unreachable or refused the write: the reader keeps the text and can retry.
    // Only the error's message is logged: never the form, which holds the reader's email.
    console.error(`[comments] a comment could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    return {
      status: "error",
      message: "Your comment could not be saved just now. Please try again in a minute.",
      values: { name: String(form.get("name") ?? ""), body: String(form.get("body") ?? "") },
    };
  }
}
