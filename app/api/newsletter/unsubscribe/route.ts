import { oneClickUnsubscribe } from "@/lib/newsletter/unsubscribe-link";

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` to the address in
 * List-Unsubscribe. The token is the only credential; the answer is never a redirect.
 */
export async function POST(request: Request): Promise<Response> {
  return oneClickUnsubscribe(new URL(request.url).searchParams.get("token"));
}

/** Opened in a browser (or by a mail scanner), it only leads to the page with the button. */
export async function GET(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { location: `/newsletter/unsubscribe?token=${encodeURIComponent(token)}` } });
}
