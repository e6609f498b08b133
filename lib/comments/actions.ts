"use server";

import { headers } from "next/headers";
import type { CommentFormState } from "./submit";
import { submitFromRequest } from "./submit-request";

/** The comment form's action: a plain POST with JavaScript off, a fetch with it on. */
export async function postComment(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  return submitFromRequest(form, await headers());
}
