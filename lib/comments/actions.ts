"use server";

import { headers } from "next/headers";
import { clientAddress } from "../rate-limit";
import { type CommentFormState, submitComment } from "./submit";

/** The comment form's action: a plain POST with JavaScript off, a fetch with it on. */
export async function postComment(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  return submitComment(form, clientAddress((await headers()).get("x-forwarded-for")));
}
