/**
 * Sessions the Lucia way (lucia-auth.com, "Sessions"): a random token goes in the cookie, only its
 * SHA-256 is stored; sessions last 30 days and slide forward when used in their second half.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq, sessions, users, type Database } from "@rapport/db";

export const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
}

export interface SessionValidation {
  session: Session;
  user: SessionUser;
  /** True when the expiry moved forward: the cookie must be set again. */
  refreshed: boolean;
}

/** 160 random bits, base32: the secret in session cookies and invitation links. */
export function generateRandomToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Hex SHA-256: what the database keeps of a token, so a leaked table leaks no live secret. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export const generateSessionToken = generateRandomToken;
export const sessionIdFromToken = hashToken;

export async function createSession(db: Database, token: string, userId: string): Promise<Session> {
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * DAY_MS),
  };
  await db.insert(sessions).values(session);
  return session;
}

export async function validateSessionToken(
  db: Database,
  token: string,
): Promise<SessionValidation | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const sessionId = sessionIdFromToken(token);
  const [row] = await db
    .select({
      session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
      user: { id: users.id, email: users.email, name: users.name },
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  const { session, user } = row;
  const now = Date.now();
  if (now >= session.expiresAt.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  let refreshed = false;
  if (now >= session.expiresAt.getTime() - (SESSION_DAYS / 2) * DAY_MS) {
    session.expiresAt = new Date(now + SESSION_DAYS * DAY_MS);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, session.id));
    refreshed = true;
  }
  return { session, user, refreshed };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
