/** Sign-up and sign-in: validation, argon2id, rate limits and wording that reveals no accounts. */
import { eq, users, type Database } from "@rapport/db";
import { SignInSchema, SignUpSchema } from "../schemas";
import { hashPassword, isCommonPassword, verifyPassword } from "./password";
import { consumeRateLimit, resetRateLimit } from "./rate-limit";
import { createSession, generateSessionToken, type Session, type SessionUser } from "./session";

export type AuthErrorCode = "invalid-input" | "email-taken" | "wrong-credentials" | "rate-limited";

/** An error worth showing to the user, with the form fields it concerns. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly fieldErrors: Partial<Record<"name" | "email" | "password", string>> = {},
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

export const SIGN_IN_LIMITS = {
  perEmail: { limit: 10, windowMs: 15 * 60 * 1000 },
  perClient: { limit: 50, windowMs: 15 * 60 * 1000 },
} as const;

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

export async function signUp(db: Database, raw: unknown): Promise<SignedIn> {
  const parsed = SignUpSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AuthError("invalid-input", "Check the highlighted fields.", fieldErrorsOf(parsed.error.issues));
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
    throw new AuthError("invalid-input", "Check the highlighted fields.", fieldErrorsOf(parsed.error.issues));
  }
  const { email, password } = parsed.data;
  const [byEmail, byClient] = await Promise.all([
    consumeRateLimit(db, `sign-in:email:${email}`, SIGN_IN_LIMITS.perEmail.limit, SIGN_IN_LIMITS.perEmail.windowMs),
    consumeRateLimit(db, `sign-in:client:${clientKey}`, SIGN_IN_LIMITS.perClient.limit, SIGN_IN_LIMITS.perClient.windowMs),
  ]);
  if (!byEmail.allowed || !byClient.allowed) {
    const resetAt = new Date(Math.max(byEmail.allowed ? 0 : +byEmail.resetAt, byClient.allowed ? 0 : +byClient.resetAt));
    const minutes = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 60000));
    throw new AuthError("rate-limited", `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
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
  await resetRateLimit(db, `sign-in:email:${email}`);
  const token = generateSessionToken();
  const session = await createSession(db, token, user.id);
  return { token, session, user: { id: user.id, email: user.email, name: user.name } };
}
