/** Import jobs of a workspace: status (polled while running), confirm, cancel, rejected rows, saved mappings. */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { and, asc, columnMappings, desc, eq, importRejections, imports, socialProfiles } from "@rapport/db";
import { ColumnMappingSchema } from "@rapport/core";
import { z } from "zod";
import { discardImport, dismissImport, importsDir, liveProgress, startCommit } from "../services/imports";
import { workspaceProcedure } from "../trpc";

const ImportIdSchema = z.object({ importId: z.uuid({ error: "Unknown import." }) });

const ImportSchema = z.object({
  id: z.uuid(),
  profileId: z.uuid(),
  profileHandle: z.string(),
  kind: z.enum(["meta-csv", "uci-csv", "instagram-json", "mapped-csv", "followers-csv"]),
  fileName: z.string(),
  fileBytes: z.number(),
  status: z.enum(["uploaded", "analysing", "previewed", "committing", "done", "failed", "cancelled"]),
  bytesProcessed: z.number(),
  rowsProcessed: z.number(),
  newCount: z.number(),
  updatedCount: z.number(),
  unchangedCount: z.number(),
  rejectedCount: z.number(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

const columns = {
  id: imports.id,
  profileId: imports.profileId,
  profileHandle: socialProfiles.handle,
  kind: imports.kind,
  fileName: imports.fileName,
  fileBytes: imports.fileBytes,
  status: imports.status,
  bytesProcessed: imports.bytesProcessed,
  rowsProcessed: imports.rowsProcessed,
  newCount: imports.newCount,
  updatedCount: imports.updatedCount,
  unchangedCount: imports.unchangedCount,
  rejectedCount: imports.rejectedCount,
  error: imports.error,
  createdAt: imports.createdAt,
  finishedAt: imports.finishedAt,
};

/** Merges the in-memory progress of a running job (the commit's progress is not in the row yet). */
function withLive<T extends { id: string; rowsProcessed: number; bytesProcessed: number }>(row: T): T {
  const p = liveProgress(row.id);
  return p ? { ...row, rowsProcessed: p.rowsProcessed, bytesProcessed: p.bytesProcessed } : row;
}

export const importRouter = {
  list: workspaceProcedure("viewer")
    .output(z.array(ImportSchema))
    .query(async ({ ctx }) => {
      const rows = await ctx.db
        .select(columns)
        .from(imports)
        .innerJoin(socialProfiles, eq(imports.profileId, socialProfiles.id))
        .where(eq(imports.workspaceId, ctx.workspace.id))
        .orderBy(desc(imports.createdAt))
        .limit(20);
      return rows.map(withLive);
    }),

  status: workspaceProcedure("viewer")
    .input(ImportIdSchema)
    .output(ImportSchema)
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select(columns)
        .from(imports)
        .innerJoin(socialProfiles, eq(imports.profileId, socialProfiles.id))
        .where(and(eq(imports.id, input.importId), eq(imports.workspaceId, ctx.workspace.id)));
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Import not found." });
      return withLive(row);
    }),

  commit: workspaceProcedure("editor")
    .input(ImportIdSchema)
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(imports)
        .set({ status: "committing", error: null, updatedAt: new Date() })
        .where(and(eq(imports.id, input.importId), eq(imports.workspaceId, ctx.workspace.id), eq(imports.status, "previewed")))
        .returning({ id: imports.id });
      if (!row) {
        const [exists] = await ctx.db
          .select({ status: imports.status })
          .from(imports)
          .where(and(eq(imports.id, input.importId), eq(imports.workspaceId, ctx.workspace.id)));
        if (!exists) throw new TRPCError({ code: "NOT_FOUND", message: "Import not found." });
        throw new TRPCError({
          code: "CONFLICT",
          message: exists.status === "done" ? "This file was already imported." : "This import is not ready to confirm: wait for the preview to finish.",
        });
      }
      void startCommit(ctx.db, importsDir(), row.id);
      return { started: true };
    }),

  cancel: workspaceProcedure("editor")
    .input(ImportIdSchema)
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(imports)
        .set({ status: "cancelled", updatedAt: new Date(), finishedAt: new Date() })
        .where(and(eq(imports.id, input.importId), eq(imports.workspaceId, ctx.workspace.id), eq(imports.status, "previewed")))
        .returning({ id: imports.id, storageKey: imports.storageKey });
      if (!row) {
        const [exists] = await ctx.db
          .select({ id: imports.id })
          .from(imports)
          .where(and(eq(imports.id, input.importId), eq(imports.workspaceId, ctx.workspace.id)));
        if (!exists) throw new TRPCError({ code: "NOT_FOUND", message: "Import not found." });
        throw new TRPCError({ code: "CONFLICT", message: "Only an import waiting for confirmation can be cancelled." });
      }
      await discardImport(ctx.db, importsDir(), row);
      return { cancelled: true };
    }),

  /** Removes a failed or cancelled import from the list. */
  dismiss: workspaceProcedure("editor")
    .input(ImportIdSchema)
    .mutation(async ({ ctx, input }) => {
      await dismissImport(ctx.db, ctx.workspace.id, input.importId);
      return { dismissed: true };
    }),

  rejections: workspaceProcedure("viewer")
    .input(ImportIdSchema.extend({ limit: z.number().int().min(1).max(1_000_000).default(100) }))
    .output(z.array(z.object({ row: z.number(), reason: z.string() })))
    .query(async ({ ctx, input }) => {
      const [job] = await ctx.db
        .select({ id: imports.id })
        .from(imports)
        .where(and(eq(imports.id, input.importId), eq(imports.workspaceId, ctx.workspace.id)));
      if (!job) throw new TRPCError({ code: "NOT_FOUND", message: "Import not found." });
      return ctx.db
        .select({ row: importRejections.row, reason: importRejections.reason })
        .from(importRejections)
        .where(eq(importRejections.importId, job.id))
        .orderBy(asc(importRejections.row))
        .limit(input.limit);
    }),

  mappings: workspaceProcedure("viewer")
    .output(z.array(z.object({ id: z.uuid(), name: z.string(), mapping: ColumnMappingSchema })))
    .query(async ({ ctx }) => {
      const rows = await ctx.db
        .select({ id: columnMappings.id, name: columnMappings.name, mapping: columnMappings.mapping })
        .from(columnMappings)
        .where(eq(columnMappings.workspaceId, ctx.workspace.id))
        .orderBy(desc(columnMappings.createdAt));
      return rows.flatMap((r) => {
        const m = ColumnMappingSchema.safeParse(r.mapping);
        return m.success ? [{ id: r.id, name: r.name, mapping: m.data }] : [];
      });
    }),

  saveMapping: workspaceProcedure("editor")
    .input(z.object({ name: z.string().trim().min(1, "Name the mapping.").max(80), mapping: ColumnMappingSchema }))
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .insert(columnMappings)
        .values({ workspaceId: ctx.workspace.id, name: input.name, mapping: input.mapping as unknown as Record<string, string> })
        .returning({ id: columnMappings.id });
      return { id: row!.id };
    }),
} satisfies TRPCRouterRecord;
