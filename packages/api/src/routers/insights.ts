/** What drove interaction: lift, timing, mix, top and bottom posts, audience health, cadence. */
import type { TRPCRouterRecord } from "@trpc/server";
import { computeInsights, InsightsInputSchema } from "../services/insights";
import { workspaceProcedure } from "../trpc";

export const insightsRouter = {
  get: workspaceProcedure("viewer")
    .input(InsightsInputSchema)
    .query(({ ctx, input }) => computeInsights(ctx.db, ctx.workspace.id, input)),
} satisfies TRPCRouterRecord;
