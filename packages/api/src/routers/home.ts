/** The home page, "This week". */
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { HomeOutputSchema } from "../planning-outputs";
import { TimeZoneSchema } from "../schemas";
import { thisWeek } from "../services/home";
import { workspaceProcedure } from "../trpc";

export const homeRouter = {
  /** `timeZone` picks the clock the days are counted on (default: the zone most profiles use). */
  thisWeek: workspaceProcedure("viewer")
    .input(z.object({ timeZone: TimeZoneSchema.optional() }))
    .output(HomeOutputSchema)
    .query(({ ctx, input }) => thisWeek(ctx.db, ctx.workspace.id, { timeZone: input.timeZone })),
} satisfies TRPCRouterRecord;
