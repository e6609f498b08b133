import { type NextRequest, NextResponse } from "next/server";

/**
 * Refuses writes sent from another site's page (CSRF): a browser always names the page's origin
 * on a POST, and it must be this site. Next.js checks server actions too, but answers a bare 500.
 */
export function proxy(request: NextRequest) {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return NextResponse.next();
  // A mail provider's one-click unsubscribe comes from its own servers, and its signed token is the credential.
  if (request.nextUrl.pathname === "/api/newsletter/unsubscribe") return NextResponse.next();
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  if (originHost && originHost === host) return NextResponse.next();
  return new NextResponse("Forbidden: this form was sent from another site, so it was refused.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

// Only requests that name an origin, which same-site page loads do not: page loads skip this.
export const config = { matcher: [{ source: "/:path*", has: [{ type: "header", key: "origin" }] }] };
