/** The webhook delivery log (owners), "send test event", and the email outbox page (owners). */
import { TRPCError } from "@trpc/server";
import { and, desc, emailOutbox, eq, webhookDeliveries, type Database } from "@rapport/db";
import type { PublishingConfig } from "./config";
import { loadSettings, requireProfile, signingSecrets } from "./settings";
import { deliverWebhook } from "./webhook";

export async function listDeliveries(
  db: Database,
  workspaceId: string,
  profileId: string,
  limit = 50,
) {
  await requireProfile(db, workspaceId, profileId);
  return db
    .select({
      id: webhookDeliveries.id,
      draftId: webhookDeliveries.draftId,
      messageId: webhookDeliveries.messageId,
      eventType: webhookDeliveries.eventType,
      url: webhookDeliveries.url,
      attempt: webhookDeliveries.attempt,
      statusCode: webhookDeliveries.statusCode,
      ok: webhookDeliveries.ok,
      durationMs: webhookDeliveries.durationMs,
      responseExcerpt: webhookDeliveries.responseExcerpt,
      error: webhookDeliveries.error,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, workspaceId),
        eq(webhookDeliveries.profileId, profileId),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}

/** POSTs a signed `test.ping` now (not through the queue: the owner waits for the answer), and logs it. */
export async function sendTestEvent(
  db: Database,
  workspaceId: string,
  profileId: string,
  config: PublishingConfig,
  now: Date,
) {
  const profile = await requireProfile(db, workspaceId, profileId);
  const settings = await loadSettings(db, profileId);
  if (!settings?.webhookUrl || !settings.webhookSecret)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Set a webhook URL for this profile first.",
    });
  const msgId = `test_${crypto.randomUUID()}`;
  const body = JSON.stringify({
    type: "test.ping",
    timestamp: now.toISOString(),
    data: { profile: { id: profile.id, platform: profile.platform, handle: profile.handle } },
  });
  const r = await deliverWebhook({
    url: settings.webhookUrl,
    secrets: signingSecrets(settings, now),
    msgId,
    body,
    timestamp: now,
    allowPrivate: config.allowPrivateWebhooks,
    timeoutMs: config.webhookTimeoutMs,
  });
  await db
    .insert(webhookDeliveries)
    .values({
      workspaceId,
      profileId,
      draftId: null,
      messageId: msgId,
      eventType: "test.ping",
      url: settings.webhookUrl,
      attempt: 1,
      statusCode: r.statusCode,
      ok: r.ok,
      durationMs: r.durationMs,
      responseExcerpt: r.responseExcerpt,
      error: r.error,
      createdAt: now,
    });
  return {
    ok: r.ok,
    statusCode: r.statusCode,
    durationMs: r.durationMs,
    responseExcerpt: r.responseExcerpt,
    error: r.error,
  };
}

export async function listOutbox(db: Database, workspaceId: string, limit = 100) {
  return db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      textBody: emailOutbox.textBody,
      status: emailOutbox.status,
      error: emailOutbox.error,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.workspaceId, workspaceId))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}
