/** What drove interaction: lift, timing, mix, top and bottom posts, audience health, cadence. */
import type { TRPCRouterRecord } from "@trpc/server";
import { InsightsOutputSchema } from "../insights-schemas";
import { getInsights, InsightsInputSchema } from "../services/insights";
import { workspaceProcedure } from "../trpc";

export const insightsRouter = {
  get: workspaceProcedure("viewer")
    .input(InsightsInputSchema)
    .output(InsightsOutputSchema)
    .query(({ ctx, input }) => getInsights(ctx.db, ctx.workspace.id, input)),
} satisfies TRPCRouterRecord;
