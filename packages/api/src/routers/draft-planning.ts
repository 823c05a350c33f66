/**
 * The draft procedures of planning: lifecycle transitions and their history, rescheduling on the
 * profile's clock, and adding to the queue. Spread into the draft router.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { and, drafts, eq, workspaces } from "@rapport/db";
import { availableTransitions } from "@rapport/core";
import { z } from "zod";
import {
  AddToQueueOutputSchema,
  AvailableTransitionSchema,
  HistoryEntrySchema,
  RescheduleOutputSchema,
  TransitionOutputSchema,
} from "../planning-outputs";
import { AddToQueueSchema, RescheduleSchema, TransitionSchema } from "../planning-schemas";
import { draftHistory, transitionDraft } from "../services/draft-lifecycle";
import { rescheduleDraft } from "../services/reschedule";
import { addToQueue } from "../services/slots";
import { workspaceProcedure } from "../trpc";
import { DraftIdSchema } from "../draft-schemas";

export const draftPlanningProcedures = {
  /** Moves a post through its lifecycle (submit, approve, send back, schedule, unschedule, cancel...). */
  transition: workspaceProcedure("editor")
    .input(TransitionSchema)
    .output(TransitionOutputSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const { draft, transition } = await transitionDraft(tx, {
          workspaceId: ctx.workspace.id,
          draftId: input.draftId,
          to: input.to,
          actorUserId: ctx.user.id,
          comment: input.comment,
          expectedVersion: input.expectedVersion,
        });
        return { draftId: draft.id, status: draft.status, version: draft.version, transition };
      }),
    ),

  /** Every transition of a post, oldest first, and the moves the caller can make now. */
  history: workspaceProcedure("viewer")
    .input(DraftIdSchema)
    .output(
      z.object({
        entries: z.array(HistoryEntrySchema),
        available: z.array(AvailableTransitionSchema),
        approvalsRequired: z.boolean(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const entries = await draftHistory(ctx.db, ctx.workspace.id, input.draftId);
      if (!entries) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
      const [row] = await ctx.db
        .select({ status: drafts.status, approvalsRequired: workspaces.approvalsRequired })
        .from(drafts)
        .innerJoin(workspaces, eq(workspaces.id, drafts.workspaceId))
        .where(and(eq(drafts.id, input.draftId), eq(drafts.workspaceId, ctx.workspace.id)));
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
      return {
        entries,
        available: availableTransitions(row.status, ctx.role, row.approvalsRequired),
        approvalsRequired: row.approvalsRequired,
      };
    }),

  /** Moves a post to another local day and time on its profile's clock (drag and drop, or the keyboard). */
  reschedule: workspaceProcedure("editor")
    .input(RescheduleSchema)
    .output(RescheduleOutputSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) =>
        rescheduleDraft(tx, { ...input, workspaceId: ctx.workspace.id, actorUserId: ctx.user.id }),
      ),
    ),

  /** Puts a post into its profile's next free posting slot and schedules it. */
  addToQueue: workspaceProcedure("editor")
    .input(AddToQueueSchema)
    .output(AddToQueueOutputSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) =>
        addToQueue(tx, { ...input, workspaceId: ctx.workspace.id, actorUserId: ctx.user.id }),
      ),
    ),
} satisfies TRPCRouterRecord;
