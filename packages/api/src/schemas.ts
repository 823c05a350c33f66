/**
 * Input schemas for accounts, workspaces and profiles: defined once, used by the tRPC procedures and
 * by the app's forms (they depend on zod alone, so they load in the browser too).
 */
import { PlatformSchema } from "@rapport/core";
import { z } from "zod";
import { textField } from "./input-fields";

// The platform vocabulary is core's: one list for the scorer, the API and the forms.
export { PLATFORMS, PLATFORM_LABELS, PlatformSchema, type Platform } from "@rapport/core";

export const ROLES = ["owner", "editor", "viewer"] as const;
export const RoleSchema = z.enum(ROLES, { error: "Choose owner, editor or viewer." });
export type Role = z.infer<typeof RoleSchema>;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const SignUpSchema = z.object({
  name: textField(80).trim().min(1, "Tell us your name."),
  email: EmailSchema,
  password: PasswordSchema,
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(MAX_PASSWORD_LENGTH),
});
export type SignInInput = z.infer<typeof SignInSchema>;

/** Your account's forms (browser-safe, so each form checks the same schema as its action). */
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password."),
  newPassword: PasswordSchema,
});
export const RequestResetSchema = z.object({ email: EmailSchema });
export const ResetPasswordSchema = z.object({ newPassword: PasswordSchema });

export const WorkspaceNameSchema = textField(80)
  .trim()
  .min(1, "Name the workspace.")
  .max(80, "Use at most 80 characters.");

export const WorkspaceIdSchema = z.uuid({ error: "Unknown workspace." });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .refine(isTimeZone, {
    error: "Use an IANA time zone such as Europe/Lisbon or America/New_York.",
  });

export const HandleSchema = z
  .string({ error: "Enter the account handle." })
  .trim()
  .transform((h) => h.replace(/^@/, ""))
  .pipe(
    z
      .string()
      .min(1, "Enter the account handle.")
      .max(100, "Use at most 100 characters.")
      .regex(/^[\p{L}\p{N}._-]+$/u, "Use letters, digits, dots, dashes and underscores only."),
  );

export const FollowerCountSchema = z
  .number({ error: "Enter the follower count as a whole number." })
  .int("Enter the follower count as a whole number.")
  .min(0, "Followers can't be negative.")
  .max(2_000_000_000, "That follower count is too large.")
  .nullable();

export const SocialProfileInputSchema = z.object({
  platform: PlatformSchema,
  handle: HandleSchema,
  displayName: textField(100).trim().min(1, "Give the profile a name."),
  timeZone: TimeZoneSchema,
  followerCount: FollowerCountSchema,
});
export type SocialProfileInput = z.infer<typeof SocialProfileInputSchema>;
