/** The content types of a workspace: defaults from core, renamable, extendable, archivable. */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { and, contentTypes, eq, sql } from "@rapport/db";
import { z } from "zod";
import { ContentTypeKeySchema, ContentTypeLabelSchema } from "../draft-schemas";
import { contentTypeKeyFor, ensureContentTypes, listContentTypes } from "../services/content-types";
import { workspaceProcedure } from "../trpc";

const ContentTypeSchema = z.object({ key: z.string(), label: z.string(), position: z.number().int(), archived: z.boolean() });

export const contentTypeRouter = {
  list: workspaceProcedure("viewer")
    .input(z.object({ includeArchived: z.boolean().default(false) }))
    .output(z.array(ContentTypeSchema))
    .query(({ ctx, input }) => listContentTypes(ctx.db, ctx.workspace.id, input.includeArchived)),

  create: workspaceProcedure("editor")
    .input(z.object({ label: ContentTypeLabelSchema }))
    .output(ContentTypeSchema)
    .mutation(async ({ ctx, input }) => {
      await ensureContentTypes(ctx.db, ctx.workspace.id);
      const key = contentTypeKeyFor(input.label);
      const [{ next } = { next: 0 }] = await ctx.db
        .select({ next: sql<number>`coalesce(max(${contentTypes.position}), -1)::int + 1` })
        .from(contentTypes)
        .where(eq(contentTypes.workspaceId, ctx.workspace.id));
      const [row] = await ctx.db
        .insert(contentTypes)
        .values({ workspaceId: ctx.workspace.id, key, label: input.label, position: next })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new TRPCError({ code: "CONFLICT", message: `This workspace already has a content type called “${input.label}”.` });
      return { key: row.key, label: row.label, position: row.position, archived: false };
    }),

  rename: workspaceProcedure("editor")
    .input(z.object({ key: ContentTypeKeySchema, label: ContentTypeLabelSchema }))
    .output(ContentTypeSchema)
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(contentTypes)
        .set({ label: input.label })
        .where(and(eq(contentTypes.workspaceId, ctx.workspace.id), eq(contentTypes.key, input.key)))
        .returning();
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Content type not found." });
      return { key: row.key, label: row.label, position: row.position, archived: row.archivedAt !== null };
    }),

  setArchived: workspaceProcedure("editor")
    .input(z.object({ key: ContentTypeKeySchema, archived: z.boolean() }))
    .output(ContentTypeSchema)
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(contentTypes)
        .set({ archivedAt: input.archived ? new Date() : null })
        .where(and(eq(contentTypes.workspaceId, ctx.workspace.id), eq(contentTypes.key, input.key)))
        .returning();
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Content type not found." });
      return { key: row.key, label: row.label, position: row.position, archived: row.archivedAt !== null };
    }),
} satisfies TRPCRouterRecord;
