import { expect, test } from "@playwright/test";
import { sessionCookieName } from "../../lib/admin/session";
import { signInWithoutJavaScript } from "../support/forms";
import { moderatorPassword, moderatorPasswordHash } from "./support/comments";
import { startOwnServer } from "./support/own-server";

/**
 * Signs in at `origin` as the sign-in form does before JavaScript runs, and answers what the
 * server's Set-Cookie header says of the session cookie.
 */
async function sessionCookie(origin: string) {
  const response = await signInWithoutJavaScript(origin, moderatorPassword);
  expect(response.status).toBe(303);
  const cookies = response.headers.getSetCookie().filter((cookie) => cookie.startsWith(`${sessionCookieName}=`));
  expect(cookies).toHaveLength(1);
  const [, ...parts] = cookies[0]!.split(";").map((part) => part.trim());
  const attributes = new Map(parts.map((part) => [part.split("=")[0]!.toLowerCase(), part.split("=")[1] ?? ""]));
  // One object, so a failure shows every attribute that is wrong at once.
  return {
    httpOnly: attributes.has("httponly"),
    sameSite: attributes.get("samesite")?.toLowerCase(),
    secure: attributes.has("secure"),
    path: attributes.get("path"),
    maxAge: attributes.get("max-age"),
  };
}

const eightHours = String(8 * 60 * 60);

test.describe("the moderator's session cookie", () => {
  test("is HttpOnly, SameSite=Strict, for /admin only, for 8 hours, and not Secure on a site served over http://", async ({ baseURL }) => {
    // Not Secure: browsers would drop such a cookie sent over plain http, and no moderator could sign in.
    expect(await sessionCookie(new URL(baseURL!).origin)).toEqual({ httpOnly: true, sameSite: "strict", secure: false, path: "/admin", maxAge: eightHours });
  });

  test("is Secure as well when SITE_URL is https://", async () => {
    const server = await startOwnServer({
      SITE_URL: "https://hashline.example",
      MODERATOR_PASSWORD_HASH: moderatorPasswordHash,
      DATABASE_URL: "file:artifacts/e2e-db/session.db",
    });
    try {
      expect(await sessionCookie(server.origin)).toEqual({ httpOnly: true, sameSite: "strict", secure: true, path: "/admin", maxAge: eightHours });
    } finally {
      server.kill();
    }
  });
});
