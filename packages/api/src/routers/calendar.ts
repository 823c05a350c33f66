/** The calendar: planned posts on each profile's clock, the best-slot overlay, the Instagram grid. */
import type { TRPCRouterRecord } from "@trpc/server";
import {
  BestSlotsOutputSchema,
  CalendarRangeOutputSchema,
  GridOutputSchema,
} from "../planning-outputs";
import { CalendarRangeSchema, ProfileRefSchema } from "../planning-schemas";
import { bestSlotsOverlay, calendarGrid, calendarRange } from "../services/calendar";
import { workspaceProcedure } from "../trpc";

export const calendarRouter = {
  range: workspaceProcedure("viewer")
    .input(CalendarRangeSchema)
    .output(CalendarRangeOutputSchema)
    .query(({ ctx, input }) => calendarRange(ctx.db, ctx.workspace.id, input)),

  bestSlots: workspaceProcedure("viewer")
    .input(ProfileRefSchema)
    .output(BestSlotsOutputSchema)
    .query(({ ctx, input }) => bestSlotsOverlay(ctx.db, ctx.workspace.id, input.profileId)),

  grid: workspaceProcedure("viewer")
    .input(ProfileRefSchema)
    .output(GridOutputSchema)
    .query(({ ctx, input }) => calendarGrid(ctx.db, ctx.workspace.id, input.profileId)),
} satisfies TRPCRouterRecord;
