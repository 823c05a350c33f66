/** Publishing: how each profile publishes, webhook secrets and deliveries, reminders, retries, notifications, the outbox. */
import type { TRPCRouterRecord } from "@trpc/server";
import { PUBLISH_METHODS } from "@rapport/db";
import { z } from "zod";
import { publishingConfig } from "../services/publishing/config";
import { listDeliveries, listOutbox, sendTestEvent } from "../services/publishing/deliveries";
import { createFeed, listFeeds, revokeFeed } from "../services/publishing/ics";
import { listNotifications, markRead, unreadCount } from "../services/publishing/notifications";
import { markPublished, reminderDetails, retryPublish } from "../services/publishing/reminders";
import {
  loadSettings,
  requireProfile,
  rotateSecret,
  toPublicSettings,
  updateSettings,
} from "../services/publishing/settings";
import { workspaceProcedure } from "../trpc";

const ProfileIdSchema = z.object({ profileId: z.uuid({ error: "Unknown profile." }) });
const DraftIdSchema = z.object({ draftId: z.uuid({ error: "Unknown post." }) });
const MethodSchema = z.enum(PUBLISH_METHODS, {
  error: "Choose how this profile publishes: reminder or webhook.",
});

export const publishingRouter = {
  /** The profile's publishing method; the webhook secret is shown to owners only. */
  settings: workspaceProcedure("viewer")
    .input(ProfileIdSchema)
    .query(async ({ ctx, input }) => {
      await requireProfile(ctx.db, ctx.workspace.id, input.profileId);
      const s = toPublicSettings(
        input.profileId,
        await loadSettings(ctx.db, input.profileId),
        new Date(),
      );
      return { ...s, webhookSecret: ctx.role === "owner" ? s.webhookSecret : null };
    }),

  updateSettings: workspaceProcedure("owner")
    .input(
      ProfileIdSchema.extend({
        method: MethodSchema,
        webhookUrl: z.string().max(2000, { error: "That URL is too long." }).nullish(),
      }),
    )
    .mutation(({ ctx, input }) =>
      updateSettings(ctx.db, ctx.workspace.id, input, {
        allowPrivate: publishingConfig().allowPrivateWebhooks,
        now: new Date(),
      }),
    ),

  rotateSecret: workspaceProcedure("owner")
    .input(ProfileIdSchema)
    .mutation(({ ctx, input }) =>
      rotateSecret(ctx.db, ctx.workspace.id, input.profileId, new Date()),
    ),

  sendTestEvent: workspaceProcedure("owner")
    .input(ProfileIdSchema)
    .mutation(({ ctx, input }) =>
      sendTestEvent(ctx.db, ctx.workspace.id, input.profileId, publishingConfig(), new Date()),
    ),

  deliveries: workspaceProcedure("owner")
    .input(ProfileIdSchema)
    .query(({ ctx, input }) => listDeliveries(ctx.db, ctx.workspace.id, input.profileId)),

  /** The reminder page: caption, first comment, media, and what happened so far. */
  reminder: workspaceProcedure("viewer")
    .input(DraftIdSchema)
    .query(({ ctx, input }) => reminderDetails(ctx.db, ctx.workspace.id, input.draftId)),

  markPublished: workspaceProcedure("editor")
    .input(
      DraftIdSchema.extend({
        permalink: z
          .string()
          .trim()
          .min(1, { error: "Paste the link of the live post." })
          .max(2000, { error: "That link is too long." }),
        expectedVersion: z.number().int().positive().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      markPublished(ctx.db, {
        workspaceId: ctx.workspace.id,
        draftId: input.draftId,
        userId: ctx.user.id,
        permalink: input.permalink,
        expectedVersion: input.expectedVersion,
      }),
    ),

  retry: workspaceProcedure("editor")
    .input(DraftIdSchema.extend({ expectedVersion: z.number().int().positive().optional() }))
    .mutation(({ ctx, input }) =>
      retryPublish(ctx.db, {
        workspaceId: ctx.workspace.id,
        draftId: input.draftId,
        userId: ctx.user.id,
        expectedVersion: input.expectedVersion,
      }),
    ),

  outbox: workspaceProcedure("owner").query(({ ctx }) => listOutbox(ctx.db, ctx.workspace.id)),

  /** Calendar feeds (secret URLs): listed without their tokens, which are shown once at creation. */
  feeds: workspaceProcedure("editor").query(({ ctx }) => listFeeds(ctx.db, ctx.workspace.id)),

  createFeed: workspaceProcedure("editor")
    .input(
      z.object({
        profileId: z.uuid({ error: "Unknown profile." }).nullable(),
        replyBlocks: z.boolean().default(true),
        replyBlockMinutes: z
          .number({ error: "Say how many minutes to keep for replies." })
          .int()
          .min(5, { error: "Keep at least 5 minutes for replies." })
          .max(240, { error: "Keep at most 4 hours for replies." })
          .default(30),
      }),
    )
    .mutation(({ ctx, input }) => createFeed(ctx.db, ctx.workspace.id, ctx.user.id, input)),

  revokeFeed: workspaceProcedure("editor")
    .input(z.object({ feedId: z.uuid({ error: "Unknown calendar feed." }) }))
    .mutation(({ ctx, input }) => revokeFeed(ctx.db, ctx.workspace.id, input.feedId, new Date())),
} satisfies TRPCRouterRecord;

/** The caller's own notifications in a workspace. */
export const notificationRouter = {
  list: workspaceProcedure("viewer").query(({ ctx }) =>
    listNotifications(ctx.db, ctx.workspace.id, ctx.user.id),
  ),
  unreadCount: workspaceProcedure("viewer").query(async ({ ctx }) => ({
    unread: await unreadCount(ctx.db, ctx.workspace.id, ctx.user.id),
  })),
  markRead: workspaceProcedure("viewer")
    .input(z.object({ ids: z.array(z.uuid()).max(200).nullable() }))
    .mutation(async ({ ctx, input }) => ({
      marked: await markRead(ctx.db, ctx.workspace.id, ctx.user.id, input.ids, new Date()),
    })),
} satisfies TRPCRouterRecord;
