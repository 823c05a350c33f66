/**
 * The person's side of publishing: the reminder page's content, "Mark as published" with a permalink
 * checked per platform (linked to the imported post when one matches), and "Retry" for a failed post.
 */
import { TRPCError } from "@trpc/server";
import {
  and,
  asc,
  desc,
  draftMedia,
  draftPublications,
  drafts,
  eq,
  isNull,
  media,
  notifications,
  socialProfiles,
  webhookDeliveries,
  type Database,
} from "@rapport/db";
import { transitionDraft } from "../draft-lifecycle";
import { publishIdempotencyKey } from "./hooks";
import { findMatchingPost, publicationResults } from "./results";
import { checkPermalink, type PermalinkPlatform } from "./permalink";

export async function reminderDetails(db: Database, workspaceId: string, draftId: string) {
  const [row] = await db
    .select({ draft: drafts, profile: socialProfiles, publication: draftPublications })
    .from(drafts)
    .innerJoin(socialProfiles, eq(socialProfiles.id, drafts.profileId))
    .leftJoin(draftPublications, eq(draftPublications.draftId, drafts.id))
    .where(and(eq(drafts.id, draftId), eq(drafts.workspaceId, workspaceId)));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
  const items = await db
    .select({
      id: media.id,
      mimeType: media.mimeType,
      originalName: media.originalName,
      position: draftMedia.position,
    })
    .from(draftMedia)
    .innerJoin(media, eq(media.id, draftMedia.mediaId))
    .where(eq(draftMedia.draftId, draftId))
    .orderBy(asc(draftMedia.position));
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
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
      and(eq(webhookDeliveries.draftId, draftId), eq(webhookDeliveries.workspaceId, workspaceId)),
    )
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(20);
  const { draft: d, profile: p, publication: pub } = row;
  return {
    draftId: d.id,
    status: d.status,
    version: d.version,
    caption: d.caption,
    firstComment: d.firstComment,
    plannedAt: d.plannedAt,
    plannedLocal: d.plannedLocal,
    contentType: d.contentType,
    format: d.format,
    profile: { id: p.id, platform: p.platform, handle: p.handle, timeZone: p.timeZone },
    media: items,
    publication: pub
      ? {
          method: pub.method,
          permalink: pub.permalink,
          publishedAt: pub.publishedAt,
          lastError: pub.lastError,
          postId: pub.postId,
        }
      : null,
    results: await publicationResults(db, pub),
    deliveries,
  };
}

export async function markPublished(
  db: Database,
  input: {
    workspaceId: string;
    draftId: string;
    userId: string;
    permalink: string;
    expectedVersion?: number | undefined;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ platform: socialProfiles.platform, profileId: socialProfiles.id })
      .from(drafts)
      .innerJoin(socialProfiles, eq(socialProfiles.id, drafts.profileId))
      .where(and(eq(drafts.id, input.draftId), eq(drafts.workspaceId, input.workspaceId)));
    if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
    const link = checkPermalink(found.platform as PermalinkPlatform, input.permalink);
    if (!link.ok) throw new TRPCError({ code: "BAD_REQUEST", message: link.message });
    const { draft } = await transitionDraft(tx, {
      workspaceId: input.workspaceId,
      draftId: input.draftId,
      to: "published",
      actorUserId: input.userId,
      expectedVersion: input.expectedVersion,
      now,
    });
    const postId = await findMatchingPost(tx, found.profileId, link.externalId, link.url);
    await tx
      .insert(draftPublications)
      .values({
        draftId: input.draftId,
        workspaceId: input.workspaceId,
        profileId: found.profileId,
        method: "reminder",
        idempotencyKey: publishIdempotencyKey(input.draftId),
        publishedAt: now,
        permalink: link.url,
        externalId: link.externalId,
        postId,
        predictedScore: draft.score,
        predictedBand: draft.scoreBand,
        predicted: draft.scoreDetails ?? null,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: draftPublications.draftId,
        set: {
          publishedAt: now,
          permalink: link.url,
          externalId: link.externalId,
          postId,
          lastError: null,
          updatedAt: now,
        },
      });
    // The reminder has been acted on: nobody needs to be told again.
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.draftId, input.draftId), isNull(notifications.readAt)));
    return {
      draftId: draft.id,
      status: draft.status,
      version: draft.version,
      permalink: link.url,
      postId,
    };
  });
}

export async function retryPublish(
  db: Database,
  input: {
    workspaceId: string;
    draftId: string;
    userId: string;
    expectedVersion?: number | undefined;
    now?: Date;
  },
) {
  return db.transaction(async (tx) => {
    const { draft } = await transitionDraft(tx, {
      workspaceId: input.workspaceId,
      draftId: input.draftId,
      to: "scheduled",
      actorUserId: input.userId,
      expectedVersion: input.expectedVersion,
      now: input.now,
    });
    return { draftId: draft.id, status: draft.status, version: draft.version };
  });
}
