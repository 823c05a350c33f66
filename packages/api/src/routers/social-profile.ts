/** The social profiles of a workspace. Every query filters by the caller's workspace. */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { and, asc, eq, socialProfiles } from "@rapport/db";
import { z } from "zod";
import { PlatformSchema, SocialProfileInputSchema, PLATFORM_LABELS } from "../schemas";
import { MovedPostSchema } from "../planning-outputs";
import { repinProfileDrafts } from "../services/planned-time";
import { workspaceProcedure } from "../trpc";

const SocialProfileSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  platform: PlatformSchema,
  handle: z.string(),
  displayName: z.string(),
  timeZone: z.string(),
  followerCount: z.number().int().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const ProfileIdSchema = z.object({ profileId: z.uuid({ error: "Unknown profile." }) });

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

function duplicateHandle(platform: keyof typeof PLATFORM_LABELS, handle: string) {
  return new TRPCError({
    code: "CONFLICT",
    message: `This workspace already has the ${PLATFORM_LABELS[platform]} profile @${handle}.`,
  });
}

export const socialProfileRouter = {
  list: workspaceProcedure("viewer")
    .output(z.array(SocialProfileSchema))
    .query(({ ctx }) =>
      ctx.db
        .select()
        .from(socialProfiles)
        .where(eq(socialProfiles.workspaceId, ctx.workspace.id))
        .orderBy(asc(socialProfiles.platform), asc(socialProfiles.handle)),
    ),

  get: workspaceProcedure("viewer")
    .input(ProfileIdSchema)
    .output(SocialProfileSchema)
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select()
        .from(socialProfiles)
        .where(
          and(
            eq(socialProfiles.id, input.profileId),
            eq(socialProfiles.workspaceId, ctx.workspace.id),
          ),
        );
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
      return row;
    }),

  create: workspaceProcedure("editor")
    .input(SocialProfileInputSchema)
    .output(SocialProfileSchema)
    .mutation(async ({ ctx, input }) => {
      try {
        const [row] = await ctx.db
          .insert(socialProfiles)
          .values({ ...input, workspaceId: ctx.workspace.id })
          .returning();
        if (!row) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
        return row;
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateHandle(input.platform, input.handle);
        throw error;
      }
    }),

  /**
   * A time-zone change keeps every planned post at its local time on the profile's clock: their
   * instants move, and the posts that moved come back so the UI can say which.
   */
  update: workspaceProcedure("editor")
    .input(ProfileIdSchema.extend(SocialProfileInputSchema.shape))
    .output(SocialProfileSchema.extend({ movedPosts: z.array(MovedPostSchema) }))
    .mutation(async ({ ctx, input }) => {
      const { profileId, ...values } = input;
      try {
        return await ctx.db.transaction(async (tx) => {
          const [before] = await tx
            .select({ timeZone: socialProfiles.timeZone })
            .from(socialProfiles)
            .where(
              and(
                eq(socialProfiles.id, profileId),
                eq(socialProfiles.workspaceId, ctx.workspace.id),
              ),
            );
          const [row] = await tx
            .update(socialProfiles)
            .set({ ...values, updatedAt: new Date() })
            .where(
              and(
                eq(socialProfiles.id, profileId),
                eq(socialProfiles.workspaceId, ctx.workspace.id),
              ),
            )
            .returning();
          if (!row || !before)
            throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
          const movedPosts =
            before.timeZone === row.timeZone
              ? []
              : await repinProfileDrafts(tx, {
                  workspaceId: ctx.workspace.id,
                  profileId,
                  timeZone: row.timeZone,
                  actorUserId: ctx.user.id,
                });
          return { ...row, movedPosts };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateHandle(input.platform, input.handle);
        throw error;
      }
    }),

  delete: workspaceProcedure("editor")
    .input(ProfileIdSchema)
    .mutation(async ({ ctx, input }) => {
      const deleted = await ctx.db
        .delete(socialProfiles)
        .where(
          and(
            eq(socialProfiles.id, input.profileId),
            eq(socialProfiles.workspaceId, ctx.workspace.id),
          ),
        )
        .returning({ id: socialProfiles.id });
      if (deleted.length === 0)
        throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
      return { deleted: true };
    }),
} satisfies TRPCRouterRecord;
