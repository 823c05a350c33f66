/**
 * Sessions in the request cycle: the cookie holds the session token (HttpOnly, SameSite=Lax, Secure
 * in production); the database holds its hash. Loaders ask for the user here.
 */
import { createCookie, redirect } from "@remix-run/node";
import {
  SESSION_DAYS,
  invalidateAllSessions,
  invalidateSession,
  validateSessionToken,
  type SessionValidation,
} from "@rapport/api/auth";
import { db } from "./db.server";
import { env } from "./env.server";
import { forget, once } from "./request-scope.server";

export const sessionCookie = createCookie("rapport_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: env.isProduction,
  path: "/",
  maxAge: SESSION_DAYS * 24 * 60 * 60,
});

export async function sessionCookieHeader(token: string): Promise<string> {
  return sessionCookie.serialize(token);
}

export async function clearedSessionCookieHeader(): Promise<string> {
  return sessionCookie.serialize("", { maxAge: 0 });
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in user, or null. `headers` carries a renewed cookie when the session slid forward. */
export async function getAuth(
  request: Request,
): Promise<{ auth: SessionValidation | null; token: string | null; headers: Headers }> {
  const token = await tokenFrom(request);
  if (!token) return { auth: null, token: null, headers: new Headers() };
  // Looked up once per request, however many loaders ask (the root, the workspace layout, the page).
  return once(`session:${token}`, async () => {
    const headers = new Headers();
    const auth = await validateSessionToken(await db(), token);
    if (!auth) {
      headers.append("Set-Cookie", await clearedSessionCookieHeader());
      return { auth: null, token: null, headers };
    }
    if (auth.refreshed) headers.append("Set-Cookie", await sessionCookieHeader(token));
    return { auth, token, headers };
  });
}

export { safeRedirectTarget } from "./safe-redirect";

export async function requireAuth(request: Request): Promise<SessionValidation> {
  const { auth } = await getAuth(request);
  if (!auth) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
    throw redirect(`/sign-in?${params}`);
  }
  return auth;
}

export async function requireAnonymous(request: Request): Promise<void> {
  const { auth } = await getAuth(request);
  if (auth) throw redirect("/workspaces");
}

export async function signOut(request: Request, everywhere: boolean): Promise<Response> {
  const { auth, token } = await getAuth(request);
  if (auth) {
    if (everywhere) await invalidateAllSessions(await db(), auth.user.id);
    else await invalidateSession(await db(), auth.session.id);
    forget(`session:${token}`);
  }
  return redirect("/sign-in", { headers: { "Set-Cookie": await clearedSessionCookieHeader() } });
}
