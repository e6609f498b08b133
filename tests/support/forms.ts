import { sessionCookieName } from "../../lib/admin/session";

/**
 * The hidden fields of a form as the server sent it, before React hydrates it and takes its server
 * action id out of the DOM: what a browser without JavaScript, or a forger, would post.
 */
export function serverFormFields(formHtml: string): Record<string, string> {
  return Object.fromEntries(
    [...formHtml.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((match) => [
      match[1]!,
      (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
    ]),
  );
}

/** The article's comment form, as the server sent it. */
export const commentFormHtml = (articleHtml: string) => articleHtml.match(/<form id="comment-form"[\s\S]*?<\/form>/)?.[0] ?? "";

/** A form's fields as multipart form data, as a browser without JavaScript sends them. */
export function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

/** Signs in at `origin` as the sign-in form does before JavaScript runs: the server's answer. */
export async function signInWithoutJavaScript(origin: string, password: string): Promise<Response> {
  const page = await (await fetch(`${origin}/admin/comments`)).text();
  const signInForm = page.match(/<form(?:(?!<\/form>)[\s\S])*?name="password"[\s\S]*?<\/form>/)?.[0] ?? "";
  const body = formData({ ...serverFormFields(signInForm), password });
  return fetch(`${origin}/admin/comments`, { method: "POST", headers: { Origin: origin }, body, redirect: "manual" });
}

/** The moderator's session as a Cookie header, from a sign-in's answer; throws when it set none. */
export function sessionCookieOf(signIn: Response): string {
  const cookie = signIn.headers.getSetCookie().find((line) => line.startsWith(`${sessionCookieName}=`));
  if (!cookie) throw new Error(`signing in answered ${signIn.status} without a session cookie`);
  return cookie.split(";")[0]!;
}

/**
 * Approves a comment through `origin` with the moderation page's own form, as a signed-in moderator without
 * JavaScript; throws when the page lists no such comment or the post fails.
 */
export async function approveWithoutJavaScript(origin: string, cookie: string, id: string): Promise<void> {
  const queue = await (await fetch(`${origin}/admin/comments`, { headers: { Cookie: cookie } })).text();
  const approveForm = [...queue.matchAll(/<form[\s\S]*?<\/form>/g)]
    .map(([form]) => form)
    .find((form) => form.includes(`value="${id}"`) && form.includes('value="approve"'));
  if (!approveForm) throw new Error(`${origin}/admin/comments lists no comment ${id} to approve`);
  const response = await fetch(`${origin}/admin/comments`, {
    method: "POST",
    headers: { Origin: origin, Cookie: cookie },
    body: formData(serverFormFields(approveForm)),
    redirect: "manual",
  });
  // The moderation page again, as the moderator sees it: a stranger would have been sent to sign in (303).
  if (response.status !== 200) throw new Error(`approving ${id} through ${origin} answered ${response.status}`);
}
