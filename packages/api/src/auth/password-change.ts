/**
 * Changing a password (signed in, knowing the current one) and resetting a forgotten one (through a
 * link sent by email). Both end every other session: whoever held the old password is signed out.
 * A reset link is single use, lasts an hour, and only its SHA-256 is stored; asking for one answers
 * the same whether or not the email has an account.
 */
import {
  and,
  eq,
  gt,
  isNull,
  ne,
  passwordResets,
  sessions,
  users,
  type Database,
} from "@rapport/db";
import type { z } from "zod";
import { ChangePasswordSchema, RequestResetSchema, ResetPasswordSchema } from "../schemas";
import { queueEmail } from "../services/email/outbox";
import { AuthError } from "./accounts";
import { hashPassword, isCommonPassword, verifyPassword } from "./password";
import { consumeRateLimit } from "./rate-limit";
import { generateRandomToken, hashToken, invalidateAllSessions } from "./session";

export const RESET_LINK_MINUTES = 60;
/** Reset emails per address per hour: enough for a lost email, too few to flood an inbox. */
const RESET_REQUESTS_PER_HOUR = 3;

function refuseCommon(password: string, field: string) {
  if (isCommonPassword(password)) {
    throw new AuthError("invalid-input", "Check the highlighted fields.", {
      [field]: "That password is one of the most used and easy to guess. Choose another.",
    });
  }
}

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  throw new AuthError("invalid-input", "Check the highlighted fields.", fieldErrors);
}

/** Sets a new password after checking the current one; every session but `keepSessionId` ends. */
export async function changePassword(
  db: Database,
  userId: string,
  keepSessionId: string,
  raw: unknown,
): Promise<void> {
  const { currentPassword, newPassword } = parse(ChangePasswordSchema, raw);
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AuthError("wrong-credentials", "Check the highlighted fields.", {
      currentPassword: "That is not your current password.",
    });
  }
  refuseCommon(newPassword, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
  });
}

/**
 * Emails a reset link when the address has an account (through the outbox: SMTP when configured,
 * the log otherwise); does nothing visible otherwise, so the caller answers the same either way.
 */
export async function requestPasswordReset(
  db: Database,
  raw: unknown,
  linkFor: (token: string) => string,
  now = new Date(),
): Promise<void> {
  const { email } = parse(RequestResetSchema, raw);
  const limit = await consumeRateLimit(
    db,
    `password-reset:${email}`,
    RESET_REQUESTS_PER_HOUR,
    60 * 60 * 1000,
  );
  if (!limit.allowed) return;
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, email));
  if (!user) return;
  const token = generateRandomToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60 * 1000);
  await db.transaction(async (tx) => {
    await tx
      .insert(passwordResets)
      .values({ tokenHash: hashToken(token), userId: user.id, expiresAt, createdAt: now });
    await queueEmail(
      tx,
      {
        workspaceId: null,
        kind: "password-reset",
        to: email,
        subject: "Reset your Rapport password",
        text: [
          `Hello ${user.name},`,
          "",
          `Someone (we hope you) asked to reset the password of your Rapport account. Choose a new one here: ${linkFor(token)}`,
          "",
          `The link works once, for ${RESET_LINK_MINUTES} minutes. If you did not ask, ignore this email: your password stays as it is.`,
        ].join("\n"),
      },
      now,
    );
  });
}

/** Whether a reset token can still be used (for showing the form, or saying the link is spent). */
export async function resetTokenUsable(
  db: Database,
  token: string,
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    );
  return !!row;
}

/** Sets a new password through a reset link: once, before it expires; every session of the account ends. */
export async function resetPassword(
  db: Database,
  token: string,
  raw: unknown,
  now = new Date(),
): Promise<void> {
  const { newPassword } = parse(ResetPasswordSchema, raw);
  refuseCommon(newPassword, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  const userId = await db.transaction(async (tx) => {
    // Claimed and used in one statement, so two submissions of the same link cannot both succeed.
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!claimed) return null;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId));
    return claimed.userId;
  });
  if (!userId)
    throw new AuthError(
      "invalid-input",
      "This reset link has expired or was already used. Ask for a new one.",
    );
  await invalidateAllSessions(db, userId);
}
