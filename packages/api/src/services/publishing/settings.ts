/** How a profile publishes (reminder by default, or a signed webhook), and its webhook secrets. */
import { TRPCError } from "@trpc/server";
import { and, eq, publishingSettings, socialProfiles, type PublishMethod } from "@rapport/db";
import type { Executor } from "./queue";
import { checkWebhookUrl, generateWebhookSecret, WebhookUrlError } from "./webhook";

/** How long the secret before a rotation keeps signing, so receivers can switch without missing one. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export type SettingsRow = typeof publishingSettings.$inferSelect;

export interface PublishingSettings {
  profileId: string;
  method: PublishMethod;
  webhookUrl: string | null;
  webhookSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export async function requireProfile(db: Executor, workspaceId: string, profileId: string) {
  const [p] = await db
    .select()
    .from(socialProfiles)
    .where(and(eq(socialProfiles.id, profileId), eq(socialProfiles.workspaceId, workspaceId)));
  if (!p) throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
  return p;
}

export async function loadSettings(db: Executor, profileId: string): Promise<SettingsRow | null> {
  const [row] = await db
    .select()
    .from(publishingSettings)
    .where(eq(publishingSettings.profileId, profileId));
  return row ?? null;
}

export function toPublicSettings(
  profileId: string,
  row: SettingsRow | null,
  now: Date,
): PublishingSettings {
  const prevValid =
    row?.webhookPreviousSecretExpiresAt && row.webhookPreviousSecretExpiresAt > now
      ? row.webhookPreviousSecretExpiresAt
      : null;
  return {
    profileId,
    method: row?.method ?? "reminder",
    webhookUrl: row?.webhookUrl ?? null,
    webhookSecret: row?.webhookSecret ?? null,
    previousSecretExpiresAt: prevValid,
  };
}

/** The secrets that sign now: the current one, and the previous one during its overlap. */
export function signingSecrets(row: SettingsRow, now: Date): string[] {
  const out = row.webhookSecret ? [row.webhookSecret] : [];
  if (
    row.webhookPreviousSecret &&
    row.webhookPreviousSecretExpiresAt &&
    row.webhookPreviousSecretExpiresAt > now
  )
    out.push(row.webhookPreviousSecret);
  return out;
}

export async function updateSettings(
  db: Executor,
  workspaceId: string,
  input: { profileId: string; method: PublishMethod; webhookUrl?: string | null | undefined },
  opts: { allowPrivate: boolean; now: Date },
): Promise<PublishingSettings> {
  await requireProfile(db, workspaceId, input.profileId);
  const existing = await loadSettings(db, input.profileId);
  let url = existing?.webhookUrl ?? null;
  if (input.webhookUrl !== undefined)
    url = input.webhookUrl?.trim() ? input.webhookUrl.trim() : null;
  if (input.method === "webhook") {
    if (!url)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "Enter the webhook URL that should receive this profile's posts.",
      });
    try {
      url = (await checkWebhookUrl(url, opts.allowPrivate)).toString();
    } catch (e) {
      if (e instanceof WebhookUrlError)
        throw new TRPCError({ code: "BAD_REQUEST", message: e.message });
      throw e;
    }
  }
  const secret =
    existing?.webhookSecret ?? (input.method === "webhook" ? generateWebhookSecret() : null);
  const values = {
    profileId: input.profileId,
    workspaceId,
    method: input.method,
    webhookUrl: url,
    webhookSecret: secret,
    updatedAt: opts.now,
  };
  const [row] = await db
    .insert(publishingSettings)
    .values(values)
    .onConflictDoUpdate({
      target: publishingSettings.profileId,
      set: {
        method: values.method,
        webhookUrl: values.webhookUrl,
        webhookSecret: values.webhookSecret,
        updatedAt: opts.now,
      },
    })
    .returning();
  return toPublicSettings(input.profileId, row ?? null, opts.now);
}

/** A new secret; the old one keeps signing beside it for ROTATION_OVERLAP_MS. */
export async function rotateSecret(
  db: Executor,
  workspaceId: string,
  profileId: string,
  now: Date,
): Promise<PublishingSettings> {
  await requireProfile(db, workspaceId, profileId);
  const existing = await loadSettings(db, profileId);
  if (!existing?.webhookSecret)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "This profile has no webhook secret yet: choose webhook publishing first.",
    });
  const [row] = await db
    .update(publishingSettings)
    .set({
      webhookSecret: generateWebhookSecret(),
      webhookPreviousSecret: existing.webhookSecret,
      webhookPreviousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
      updatedAt: now,
    })
    .where(eq(publishingSettings.profileId, profileId))
    .returning();
  return toPublicSettings(profileId, row ?? null, now);
}
