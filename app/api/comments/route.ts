import { submitFromRequest } from "@/lib/comments/submit-request";
import type { RefusalReason } from "@/lib/comments/submit";

const maxBodyBytes = 64 * 1024;

const statusFor: Record<RefusalReason, number> = {
  invalid: 422,
  "no-article": 404,
  "no-parent": 422,
  automated: 400,
  "rate-limited": 429,
  duplicate: 409,
  unavailable: 503,
};

/**
 * POST /api/comments: the comment form's fields as form data or JSON. 201 when the comment is
 * stored (pending moderation), otherwise a 4xx or 503 with the reason in words. Never echoes the email.
 */
export async function POST(request: Request): Promise<Response> {
  // A comment is at most a few kilobytes; nothing larger is read into memory.
  // No Content-Length (a chunked body) counts as too long: its size is unknown until read.
  const length = Number(request.headers.get("content-length") ?? Infinity);
  if (!(length <= maxBodyBytes)) {
    return Response.json({ status: "error", reason: "invalid", message: "A comment is sent with a Content-Length of at most 64 KB." }, { status: 413 });
  }
  let form: FormData;
  try {
    form = request.headers.get("content-type")?.includes("application/json") ? toFormData(await request.json()) : await request.formData();
  } catch {
    return Response.json({ status: "error", reason: "invalid", message: "Send the comment as form data or a JSON object." }, { status: 400 });
  }
  const { values: _values, ...state } = await submitFromRequest(form, request.headers);
  return Response.json(state, { status: state.status === "pending" ? 201 : statusFor[state.reason ?? "invalid"] });
}

function toFormData(json: unknown): FormData {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new TypeError("not an object");
  const form = new FormData();
  for (const [key, value] of Object.entries(json)) if (typeof value === "string" || typeof value === "number") form.append(key, String(value));
  return form;
}
