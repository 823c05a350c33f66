/** The queue's recurring weekly posting slots: list, create, update, delete, and suggestions from the heatmap. */
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { SlotSchema, SlotSuggestionsOutputSchema } from "../planning-outputs";
import {
  ProfileRefSchema,
  SlotInputSchema,
  SlotRefSchema,
  SlotUpdateSchema,
} from "../planning-schemas";
import { createSlot, deleteSlot, listSlots, suggestSlots, updateSlot } from "../services/slots";
import { workspaceProcedure } from "../trpc";

export const slotsRouter = {
  list: workspaceProcedure("viewer")
    .input(z.object({ profileId: z.uuid({ error: "Unknown profile." }).optional() }))
    .output(z.array(SlotSchema))
    .query(({ ctx, input }) => listSlots(ctx.db, ctx.workspace.id, input.profileId)),

  create: workspaceProcedure("editor")
    .input(SlotInputSchema)
    .output(SlotSchema)
    .mutation(({ ctx, input }) => createSlot(ctx.db, ctx.workspace.id, input, ctx.user.id)),

  update: workspaceProcedure("editor")
    .input(SlotUpdateSchema)
    .output(SlotSchema)
    .mutation(({ ctx, input }) => updateSlot(ctx.db, ctx.workspace.id, input)),

  delete: workspaceProcedure("editor")
    .input(SlotRefSchema)
    .mutation(({ ctx, input }) => deleteSlot(ctx.db, ctx.workspace.id, input.slotId)),

  suggest: workspaceProcedure("viewer")
    .input(ProfileRefSchema.extend({ count: z.number().int().min(1).max(7).default(3) }))
    .output(SlotSuggestionsOutputSchema)
    .query(({ ctx, input }) =>
      suggestSlots(ctx.db, ctx.workspace.id, input.profileId, input.count),
    ),
} satisfies TRPCRouterRecord;
