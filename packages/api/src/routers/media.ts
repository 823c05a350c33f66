/**
 * Media attached to drafts: the upload itself arrives through the app's resource route (multipart,
 * streamed to disk), which ingests the file and then calls `attach` here. Order is by position.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { and, asc, draftMedia, eq, media, sql } from "@rapport/db";
import { z } from "zod";
import { DraftIdSchema, MAX_MEDIA_PER_DRAFT, MediaOrderSchema } from "../draft-schemas";
import { assertStillSchedulable } from "../services/draft-lifecycle";
import { findDraft, mediaForDrafts } from "../services/drafts";
import { workspaceProcedure } from "../trpc";
import { textField } from "../input-fields";

const MediaIdSchema = z.object({ mediaId: z.uuid({ error: "Unknown media." }) });

const MediaItemSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  mimeType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  hasThumbnail: z.boolean(),
  originalName: z.string().nullable(),
});

const isVideo = (mime: string) => mime.startsWith("video/");

export const mediaRouter = {
  /** Where the serve route finds the bytes; only for members of the media's workspace. */
  get: workspaceProcedure("viewer")
    .input(MediaIdSchema)
    .output(
      z.object({
        id: z.uuid(),
        mimeType: z.string(),
        storageKey: z.string(),
        thumbnailKey: z.string().nullable(),
        sha256: z.string(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select({
          id: media.id,
          mimeType: media.mimeType,
          storageKey: media.storageKey,
          thumbnailKey: media.thumbnailKey,
          sha256: media.sha256,
        })
        .from(media)
        .where(and(eq(media.id, input.mediaId), eq(media.workspaceId, ctx.workspace.id)));
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Media not found." });
      return row;
    }),

  /** Checked by the upload route before it reads the body: the draft exists here and has room. */
  uploadTarget: workspaceProcedure("editor")
    .input(DraftIdSchema)
    .output(z.object({ count: z.number().int(), hasVideo: z.boolean() }))
    .query(async ({ ctx, input }) => {
      const draft = await findDraft(ctx.db, ctx.workspace.id, input.draftId);
      if (!draft) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
      const items = (await mediaForDrafts(ctx.db, [draft.id])).get(draft.id) ?? [];
      return { count: items.length, hasVideo: items.some((m) => isVideo(m.mimeType)) };
    }),

  attach: workspaceProcedure("editor")
    .input(
      DraftIdSchema.extend(MediaIdSchema.shape).extend({
        /** The name this file was uploaded under; the same bytes may carry other names elsewhere. */
        originalName: textField(255).nullish(),
      }),
    )
    .output(z.array(MediaItemSchema))
    .mutation(async ({ ctx, input }) => {
      const draft = await findDraft(ctx.db, ctx.workspace.id, input.draftId);
      if (!draft) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
      const [item] = await ctx.db
        .select({ id: media.id, mimeType: media.mimeType, originalName: media.originalName })
        .from(media)
        .where(and(eq(media.id, input.mediaId), eq(media.workspaceId, ctx.workspace.id)));
      if (!item) throw new TRPCError({ code: "NOT_FOUND", message: "Media not found." });
      const existing = (await mediaForDrafts(ctx.db, [draft.id])).get(draft.id) ?? [];
      if (existing.some((m) => m.id === item.id)) return existing;
      if (isVideo(item.mimeType) && existing.length > 0) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "A post carries either images or one video. Remove the other media first.",
        });
      }
      if (existing.some((m) => isVideo(m.mimeType))) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "This draft already has a video; a post carries either images or one video.",
        });
      }
      if (existing.length >= MAX_MEDIA_PER_DRAFT) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `A draft holds at most ${MAX_MEDIA_PER_DRAFT} images.`,
        });
      }
      await ctx.db.insert(draftMedia).values({
        draftId: draft.id,
        mediaId: item.id,
        originalName: input.originalName ?? item.originalName,
        position: sql`(select coalesce(max(${draftMedia.position}), -1) + 1 from ${draftMedia} where ${draftMedia.draftId} = ${draft.id})`,
      });
      return (await mediaForDrafts(ctx.db, [draft.id])).get(draft.id) ?? [];
    }),

  /** Sets the order; the list must name exactly the draft's media. */
  reorder: workspaceProcedure("editor")
    .input(MediaOrderSchema)
    .output(z.array(MediaItemSchema))
    .mutation(async ({ ctx, input }) => {
      const draft = await findDraft(ctx.db, ctx.workspace.id, input.draftId);
      if (!draft) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
      await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .select({ mediaId: draftMedia.mediaId })
          .from(draftMedia)
          .where(eq(draftMedia.draftId, draft.id))
          .orderBy(asc(draftMedia.position));
        const have = new Set(rows.map((r) => r.mediaId));
        const same =
          input.mediaIds.length === have.size &&
          new Set(input.mediaIds).size === have.size &&
          input.mediaIds.every((id) => have.has(id));
        if (!same)
          throw new TRPCError({
            code: "CONFLICT",
            message: "The media changed in another tab. Reload to see the current set.",
          });
        for (const [position, mediaId] of input.mediaIds.entries()) {
          await tx
            .update(draftMedia)
            .set({ position })
            .where(and(eq(draftMedia.draftId, draft.id), eq(draftMedia.mediaId, mediaId)));
        }
      });
      return (await mediaForDrafts(ctx.db, [draft.id])).get(draft.id) ?? [];
    }),

  detach: workspaceProcedure("editor")
    .input(DraftIdSchema.extend(MediaIdSchema.shape))
    .output(z.array(MediaItemSchema))
    .mutation(async ({ ctx, input }) => {
      const draft = await findDraft(ctx.db, ctx.workspace.id, input.draftId);
      if (!draft) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
      await ctx.db.transaction(async (tx) => {
        const removed = await tx
          .delete(draftMedia)
          .where(and(eq(draftMedia.draftId, draft.id), eq(draftMedia.mediaId, input.mediaId)))
          .returning({ mediaId: draftMedia.mediaId });
        if (removed.length === 0)
          throw new TRPCError({ code: "NOT_FOUND", message: "Media not found on this draft." });
        // A scheduled post keeps the media its format needs: unschedule it first to take them all away.
        await assertStillSchedulable(tx, draft);
      });
      return (await mediaForDrafts(ctx.db, [draft.id])).get(draft.id) ?? [];
    }),
} satisfies TRPCRouterRecord;
