/**
 * The publish job: at a scheduled post's time it moves the post to publishing, hands it to the
 * profile's publisher (reminder or webhook), and records the outcome through `transitionDraft`
 * (published, needs action, or failed with its reason after the last try). Each step re-reads the
 * draft under a row lock, so a post unscheduled, moved or deleted while its job waits is left alone.
 */
import {
  and,
  draftMedia,
  draftPublications,
  drafts,
  eq,
  media,
  socialProfiles,
  sql,
  webhookDeliveries,
  type Database,
} from "@rapport/db";
import { transitionDraft } from "../draft-lifecycle";
import { publishFailedEmail, reminderEmail } from "../email/messages";
import { queueEmail } from "../email/outbox";
import { publishingConfig, type PublishingConfig } from "./config";
import { publishIdempotencyKey } from "./hooks";
import { notify, publishers } from "./notifications";
import type { Executor, Job } from "./queue";
import { PermanentJobError, type JobContext, type JobHandler } from "./runner";
import { loadSettings, signingSecrets, type SettingsRow } from "./settings";
import { deliverWebhook } from "./webhook";

type DraftRow = typeof drafts.$inferSelect;
type ProfileRow = typeof socialProfiles.$inferSelect;

interface Loaded {
  draft: DraftRow;
  profile: ProfileRow;
  settings: SettingsRow | null;
}

async function lockDraft(
  tx: Executor,
  workspaceId: string,
  draftId: string,
): Promise<{ draft: DraftRow; profile: ProfileRow } | null> {
  const [row] = await tx
    .select({ draft: drafts, profile: socialProfiles })
    .from(drafts)
    .innerJoin(socialProfiles, eq(socialProfiles.id, drafts.profileId))
    .where(and(eq(drafts.id, draftId), eq(drafts.workspaceId, workspaceId)))
    .for("update", { of: drafts });
  return row ?? null;
}

function payloadOf(job: Job): { draftId: string; workspaceId: string } {
  const p = job.payload as { draftId?: unknown; workspaceId?: unknown };
  if (typeof p.draftId !== "string" || typeof p.workspaceId !== "string")
    throw new PermanentJobError("The publish job names no post.");
  return { draftId: p.draftId, workspaceId: p.workspaceId };
}

export function reminderHref(workspaceId: string, draftId: string): string {
  return `/w/${workspaceId}/publish/${draftId}`;
}

/** The webhook's body: what a receiver needs to post it (media by id, fetched with the receiver's own access). */
export async function webhookBody(
  db: Executor,
  l: { draft: DraftRow; profile: ProfileRow },
  eventType: string,
  timestamp: Date,
): Promise<string> {
  const items = await db
    .select({
      id: media.id,
      mimeType: media.mimeType,
      width: media.width,
      height: media.height,
      position: draftMedia.position,
    })
    .from(draftMedia)
    .innerJoin(media, eq(media.id, draftMedia.mediaId))
    .where(eq(draftMedia.draftId, l.draft.id))
    .orderBy(draftMedia.position);
  return JSON.stringify({
    type: eventType,
    timestamp: timestamp.toISOString(),
    data: {
      idempotencyKey: publishIdempotencyKey(l.draft.id),
      draftId: l.draft.id,
      workspaceId: l.draft.workspaceId,
      profile: {
        id: l.profile.id,
        platform: l.profile.platform,
        handle: l.profile.handle,
        timeZone: l.profile.timeZone,
      },
      plannedAt: l.draft.plannedAt?.toISOString() ?? null,
      plannedLocal: l.draft.plannedLocal,
      caption: l.draft.caption,
      firstComment: l.draft.firstComment,
      contentType: l.draft.contentType,
      format: l.draft.format,
      media: items,
    },
  });
}

/** Step 1, in one transaction: the post is still due -> publishing, and its publication row exists. */
async function begin(job: Job, ctx: JobContext): Promise<Loaded | null> {
  const { draftId, workspaceId } = payloadOf(job);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const found = await lockDraft(tx, workspaceId, draftId);
    if (!found) {
      // Deleted while waiting: nothing to publish.
      await ctx.complete(tx);
      return null;
    }
    const { draft } = found;
    if (draft.status === "scheduled") {
      if (draft.plannedAt && draft.plannedAt.getTime() > now.getTime()) {
        // Moved later after this job was claimed: wait for the new time.
        await ctx.defer(tx, draft.plannedAt);
        return null;
      }
      const moved = await transitionDraft(tx, {
        workspaceId,
        draftId,
        to: "publishing",
        actorUserId: null,
        now,
      });
      found.draft = moved.draft;
    } else if (draft.status !== "publishing") {
      // Unscheduled, cancelled or already published: this job has nothing left to do.
      await ctx.complete(tx);
      return null;
    }
    const settings = await loadSettings(tx, found.profile.id);
    await tx
      .insert(draftPublications)
      .values({
        draftId,
        workspaceId,
        profileId: found.profile.id,
        method: settings?.method ?? "reminder",
        idempotencyKey: publishIdempotencyKey(draftId),
        predictedScore: found.draft.score,
        predictedBand: found.draft.scoreBand,
        predicted: found.draft.scoreDetails ?? null,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: draftPublications.draftId,
        set: { method: settings?.method ?? "reminder", lastError: null, updatedAt: now },
      });
    return { ...found, settings };
  });
}

async function remind(l: Loaded, ctx: JobContext, config: PublishingConfig): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const current = await lockDraft(tx, l.draft.workspaceId, l.draft.id);
    if (!current || current.draft.status !== "publishing") return ctx.complete(tx);
    await transitionDraft(tx, {
      workspaceId: l.draft.workspaceId,
      draftId: l.draft.id,
      to: "needs_action",
      actorUserId: null,
      now,
    });
    const people = await publishers(tx, l.draft.workspaceId);
    const href = reminderHref(l.draft.workspaceId, l.draft.id);
    const excerpt = l.draft.caption.slice(0, 120);
    await notify(
      tx,
      l.draft.workspaceId,
      people.map((p) => p.userId),
      {
        kind: "reminder",
        title: `Time to post on @${l.profile.handle}`,
        body: excerpt,
        href,
        draftId: l.draft.id,
      },
      now,
    );
    const plannedLocal =
      `${(l.draft.plannedLocal ?? "").replace("T", " ")} ${l.profile.timeZone}`.trim();
    for (const p of people) {
      await queueEmail(
        tx,
        reminderEmail({
          workspaceId: l.draft.workspaceId,
          to: p.email,
          handle: l.profile.handle,
          platform: l.profile.platform,
          caption: l.draft.caption,
          link: `${config.appOrigin}${href}`,
          plannedLocal,
        }),
        now,
      );
    }
    await ctx.complete(tx);
  });
}

async function sendWebhook(
  job: Job,
  l: Loaded,
  ctx: JobContext,
  config: PublishingConfig,
): Promise<void> {
  const settings = l.settings!;
  const now = ctx.clock.now();
  const secrets = signingSecrets(settings, now);
  if (!settings.webhookUrl || secrets.length === 0)
    throw new PermanentJobError(
      "The profile's webhook has no URL or secret: set them in the profile's publishing settings.",
    );
  const body = await webhookBody(ctx.db, l, "post.publish", now);
  const msgId = publishIdempotencyKey(l.draft.id);
  const result = await deliverWebhook({
    url: settings.webhookUrl,
    secrets,
    msgId,
    body,
    timestamp: now,
    allowPrivate: config.allowPrivateWebhooks,
    timeoutMs: config.webhookTimeoutMs,
    signal: ctx.signal,
  });
  const delivery = {
    workspaceId: l.draft.workspaceId,
    profileId: l.profile.id,
    draftId: l.draft.id,
    messageId: msgId,
    eventType: "post.publish",
    url: settings.webhookUrl,
    attempt: job.attempts,
    statusCode: result.statusCode,
    ok: result.ok,
    durationMs: result.durationMs,
    responseExcerpt: result.responseExcerpt,
    error: result.error,
    createdAt: ctx.clock.now(),
  };
  if (!result.ok) {
    await ctx.db.insert(webhookDeliveries).values(delivery);
    if (result.permanent)
      throw new PermanentJobError(result.error ?? "The webhook refused the post.");
    throw new Error(result.error ?? "The webhook did not accept the post.");
  }
  await ctx.db.transaction(async (tx) => {
    const at = ctx.clock.now();
    await tx.insert(webhookDeliveries).values(delivery);
    const current = await lockDraft(tx, l.draft.workspaceId, l.draft.id);
    if (current?.draft.status === "publishing") {
      await transitionDraft(tx, {
        workspaceId: l.draft.workspaceId,
        draftId: l.draft.id,
        to: "published",
        actorUserId: null,
        now: at,
      });
      await tx
        .update(draftPublications)
        .set({ publishedAt: at, lastError: null, updatedAt: at })
        .where(eq(draftPublications.draftId, l.draft.id));
    }
    await ctx.complete(tx);
  });
}

/** After the last try: the post becomes failed with the reason, and the people who publish are told. */
async function giveUp(
  tx: Executor,
  job: Job,
  reason: string,
  now: Date,
  config: PublishingConfig,
): Promise<void> {
  const { draftId, workspaceId } = payloadOf(job);
  // The last try's error promised another; there is none: say that it gave up, and what to do.
  reason = `${reason.replace(/\s*It will be retried\.$|;\s*it will be retried\.$/i, ".").replace(/\.\.$/, ".")} Gave up after ${job.attempts} tries: fix the receiver, then press “Retry publishing”.`;
  const found = await lockDraft(tx, workspaceId, draftId);
  if (!found) return;
  if (found.draft.status === "scheduled")
    await transitionDraft(tx, { workspaceId, draftId, to: "publishing", actorUserId: null, now });
  else if (found.draft.status !== "publishing") return;
  await transitionDraft(tx, {
    workspaceId,
    draftId,
    to: "failed",
    actorUserId: null,
    comment: reason,
    now,
  });
  await tx
    .insert(draftPublications)
    .values({
      draftId,
      workspaceId,
      profileId: found.profile.id,
      method: "webhook",
      idempotencyKey: publishIdempotencyKey(draftId),
      lastError: reason,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: draftPublications.draftId,
      set: { lastError: reason, updatedAt: now },
    });
  const people = await publishers(tx, workspaceId);
  const href = reminderHref(workspaceId, draftId);
  await notify(
    tx,
    workspaceId,
    people.map((p) => p.userId),
    {
      kind: "publish-failed",
      title: `A post for @${found.profile.handle} could not be published`,
      body: reason,
      href,
      draftId,
    },
    now,
  );
  for (const p of people) {
    await queueEmail(
      tx,
      publishFailedEmail({
        workspaceId,
        to: p.email,
        handle: found.profile.handle,
        reason,
        link: `${config.appOrigin}${href}`,
      }),
      now,
    );
  }
}

export function publishHandler(config: () => PublishingConfig = publishingConfig): JobHandler {
  return {
    async run(job, ctx) {
      const loaded = await begin(job, ctx);
      if (!loaded) return;
      if ((loaded.settings?.method ?? "reminder") === "webhook")
        await sendWebhook(job, loaded, ctx, config());
      else await remind(loaded, ctx, config());
    },
    onDead: (tx, job, reason, ctx) => giveUp(tx, job, reason, ctx.clock.now(), config()),
  };
}

/** Counts for tests and the bench: drafts by status in a workspace. */
export async function statusCounts(
  db: Database,
  workspaceId: string,
): Promise<Record<string, number>> {
  const rows = await db.execute(
    sql`select status, count(*)::int as n from drafts where workspace_id = ${workspaceId} group by status`,
  );
  return Object.fromEntries(
    (rows as unknown as { rows: { status: string; n: number }[] }).rows.map((r) => [r.status, r.n]),
  );
}
