/** Sign-up and sign-in: validation, argon2id, rate limits and wording that reveals no accounts. */
import { eq, users, type Database } from "@rapport/db";
import { SignInSchema, SignUpSchema } from "../schemas";
import { hashPassword, isCommonPassword, verifyPassword } from "./password";
import {
  consumeBackoff,
  consumeRateLimit,
  forgiveAttempt,
  resetRateLimit,
  type BackoffPolicy,
} from "./rate-limit";
import { createSession, generateSessionToken, type Session, type SessionUser } from "./session";

export type AuthErrorCode = "invalid-input" | "email-taken" | "wrong-credentials" | "rate-limited";

/** An error worth showing to the user, with the form fields it concerns. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AuthError";
  }
}

export interface SignedIn {
  token: string;
  session: Session;
  user: SessionUser;
}

/**
 * Sign-in attempts back off per (account, client) and per client, never per account alone: someone
 * guessing another person's password slows only themselves, and the real owner still signs in from
 * their own device. The per-client policy caps guessing across many accounts from one address.
 */
export const SIGN_IN_LIMITS = {
  perAccountClient: { freeAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 15 * 60 * 1000 },
  perClient: { freeAttempts: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60 * 1000 },
} as const satisfies Record<string, BackoffPolicy>;

/** New accounts per client address and hour. */
export const SIGN_UP_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 } as const;

function tryAgainIn(at: Date, now = Date.now()): string {
  const seconds = Math.max(1, Math.ceil((at.getTime() - now) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const out: Partial<Record<"name" | "email" | "password", string>> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === "name" || field === "email" || field === "password") && !out[field]) {
      out[field] = issue.message;
    }
  }
  return out;
}

export async function signUp(
  db: Database,
  raw: unknown,
  clientKey: string,
  limits: { limit: number; windowMs: number } = SIGN_UP_LIMIT,
): Promise<SignedIn> {
  const parsed = SignUpSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AuthError(
      "invalid-input",
      "Check the highlighted fields.",
      fieldErrorsOf(parsed.error.issues),
    );
  }
  const limit = await consumeRateLimit(
    db,
    `sign-up:client:${clientKey}`,
    limits.limit,
    limits.windowMs,
  );
  if (!limit.allowed) {
    throw new AuthError(
      "rate-limited",
      `Too many new accounts from this address. Try again in ${tryAgainIn(limit.resetAt)}.`,
    );
  }
  const { name, email, password } = parsed.data;
  if (isCommonPassword(password)) {
    throw new AuthError("invalid-input", "Check the highlighted fields.", {
      password: "That password is one of the most used and easy to guess. Choose another.",
    });
  }
  const passwordHash = await hashPassword(password);
  const [user] = await db
    .insert(users)
    .values({ name, email, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) {
    throw new AuthError("email-taken", "Check the highlighted fields.", {
      email: "An account with this email already exists. Sign in instead.",
    });
  }
  const token = generateSessionToken();
  const session = await createSession(db, token, user.id);
  return { token, session, user };
}

// Verifying against a real hash when the account does not exist keeps the response time the same,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function signIn(db: Database, raw: unknown, clientKey: string): Promise<SignedIn> {
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AuthError(
      "invalid-input",
      "Check the highlighted fields.",
      fieldErrorsOf(parsed.error.issues),
    );
  }
  const { email, password } = parsed.data;
  const accountClientKey = `sign-in:account-client:${email}:${clientKey}`;
  const clientOnlyKey = `sign-in:client:${clientKey}`;
  // Sequential, so a refused attempt is not also counted against the other key.
  const byClient = await consumeBackoff(db, clientOnlyKey, SIGN_IN_LIMITS.perClient);
  const byAccount = byClient.allowed
    ? await consumeBackoff(db, accountClientKey, SIGN_IN_LIMITS.perAccountClient)
    : byClient;
  if (!byClient.allowed || !byAccount.allowed) {
    const retryAt = byClient.allowed ? byAccount.retryAt : byClient.retryAt;
    throw new AuthError(
      "rate-limited",
      `Too many sign-in attempts. Try again in ${tryAgainIn(retryAt)}.`,
    );
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) {
    dummyHash ??= hashPassword("rapport-timing-equaliser");
    await verifyPassword(await dummyHash, password);
    throw new AuthError("wrong-credentials", "That email and password don't match an account.");
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AuthError("wrong-credentials", "That email and password don't match an account.");
  }
  await Promise.all([resetRateLimit(db, accountClientKey), forgiveAttempt(db, clientOnlyKey)]);
  const token = generateSessionToken();
  const session = await createSession(db, token, user.id);
  return { token, session, user: { id: user.id, email: user.email, name: user.name } };
}
