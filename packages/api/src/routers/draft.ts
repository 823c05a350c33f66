/**
 * Drafts: list, read, create, autosave with optimistic concurrency, duplicate, run-it-again.
 * A save names the version it edited; when the draft moved on in another tab the save is refused
 * and the server's current draft comes back, so the editor can show both versions.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { CONTENT_TYPES, FORMATS, type DraftScore, type Platform } from "@rapport/core";
import {
  and,
  asc,
  desc,
  draftMedia,
  drafts,
  eq,
  posts,
  socialProfiles,
  sql,
  type Database,
} from "@rapport/db";
import { z } from "zod";
import {
  DraftCreateSchema,
  DraftIdSchema,
  DraftListSchema,
  DraftStatusSchema,
  DraftUpdateSchema,
  type DraftFields,
} from "../draft-schemas";
import { isActiveContentType } from "../services/content-types";
import { loadScoringInput, scoreForStorage, type ScoringInput } from "../services/draft-scoring";
import { assertSchedulable, recordCreation, transitionDraft } from "../services/draft-lifecycle";
import { draftWithMedia, findDraft, mediaForDrafts, type DraftRow } from "../services/drafts";
import { planFromInstant, planFromLocal, type PlannedTime } from "../services/planned-time";
import { onScheduleChanged } from "../services/publishing/hooks";
import { workspaceProcedure } from "../trpc";
import { draftPlanningProcedures } from "./draft-planning";

const DraftMediaSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  mimeType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  hasThumbnail: z.boolean(),
  originalName: z.string().nullable(),
});

export const DraftOutputSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  profileId: z.uuid(),
  contentType: z.string().nullable(),
  format: z.string().nullable(),
  caption: z.string(),
  firstComment: z.string(),
  notes: z.string(),
  labels: z.array(z.string()),
  plannedAt: z.date().nullable(),
  /** The planned time on the profile's clock, "YYYY-MM-DDTHH:mm". */
  plannedLocal: z.string().nullable(),
  isExample: z.boolean(),
  status: DraftStatusSchema,
  version: z.number().int(),
  score: z.number().nullable(),
  scoreBand: z.string().nullable(),
  modelVersion: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  media: z.array(DraftMediaSchema),
});
export type DraftOutput = z.infer<typeof DraftOutputSchema>;

const DraftDetailSchema = DraftOutputSchema.extend({
  scoreDetails: z.custom<DraftScore>().nullable(),
});

const SaveResultSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("saved"),
    draft: DraftOutputSchema,
    /** Set when the planned local time did not exist or happened twice: what the server did. */
    resolution: z.string().nullable().optional(),
  }),
  z.object({ status: z.literal("conflict"), current: DraftOutputSchema }),
]);

function strip(row: DraftRow & { media: DraftOutput["media"] }): DraftOutput {
  const { scoreDetails: _details, createdBy: _c, updatedBy: _u, ...rest } = row;
  return { ...rest, status: rest.status };
}

async function requireProfile(
  db: Database,
  workspaceId: string,
  profileId: string,
): Promise<{ platform: Platform; timeZone: string }> {
  const [profile] = await db
    .select({ platform: socialProfiles.platform, timeZone: socialProfiles.timeZone })
    .from(socialProfiles)
    .where(and(eq(socialProfiles.id, profileId), eq(socialProfiles.workspaceId, workspaceId)));
  if (!profile) throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
  return profile;
}

async function requireContentType(
  db: Database,
  workspaceId: string,
  key: string | null | undefined,
) {
  if (key == null) return;
  if (!(await isActiveContentType(db, workspaceId, key))) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `“${key}” is not a content type of this workspace. Choose one from the list.`,
    });
  }
}

/** The planned time a save asks for: a local wall time wins over an instant; undefined when unchanged. */
function requestedPlan(
  changes: { plannedAt?: string | null | undefined; plannedLocal?: string | null | undefined },
  timeZone: string,
): PlannedTime | null | undefined {
  if (changes.plannedLocal !== undefined)
    return changes.plannedLocal === null ? null : planFromLocal(changes.plannedLocal, timeZone);
  if (changes.plannedAt !== undefined)
    return changes.plannedAt === null
      ? null
      : planFromInstant(new Date(changes.plannedAt), timeZone);
  return undefined;
}

async function scoreInputFor(
  db: Database,
  workspaceId: string,
  profileId: string,
): Promise<ScoringInput> {
  const input = await loadScoringInput(db, workspaceId, profileId);
  if (!input) throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
  return input;
}

async function mediaCount(db: Database, draftId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(draftMedia)
    .where(eq(draftMedia.draftId, draftId));
  return row?.n ?? 0;
}

/** Thrown inside a save's transaction to roll it back and answer with the conflict view. */
class SaveConflict extends Error {}

const PostIdSchema = z.object({ postId: z.uuid({ error: "Unknown post." }) });

export const draftRouter = {
  list: workspaceProcedure("viewer")
    .input(DraftListSchema)
    .output(z.array(DraftOutputSchema))
    .query(async ({ ctx, input }) => {
      const filters = [eq(drafts.workspaceId, ctx.workspace.id)];
      if (input.profileId) filters.push(eq(drafts.profileId, input.profileId));
      if (input.contentType) filters.push(eq(drafts.contentType, input.contentType));
      if (input.status) filters.push(eq(drafts.status, input.status));
      if (input.label) filters.push(sql`${input.label} = any(${drafts.labels})`);
      if (input.q) {
        const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        filters.push(
          sql`(${drafts.caption} ilike ${pattern} or ${drafts.notes} ilike ${pattern} or ${drafts.firstComment} ilike ${pattern})`,
        );
      }
      const order =
        input.sort === "score"
          ? [sql`${drafts.score} desc nulls last`, desc(drafts.updatedAt)]
          : input.sort === "planned"
            ? [sql`${drafts.plannedAt} asc nulls last`, desc(drafts.updatedAt)]
            : [desc(drafts.updatedAt)];
      const rows = await ctx.db
        .select()
        .from(drafts)
        .where(and(...filters))
        .orderBy(...order)
        .limit(500);
      const m = await mediaForDrafts(
        ctx.db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => strip({ ...r, media: m.get(r.id) ?? [] }));
    }),

  labels: workspaceProcedure("viewer")
    .output(z.array(z.string()))
    .query(async ({ ctx }) => {
      const rows = await ctx.db
        .selectDistinct({ label: sql<string>`unnest(${drafts.labels})` })
        .from(drafts)
        .where(eq(drafts.workspaceId, ctx.workspace.id));
      return rows.map((r) => r.label).sort((a, b) => a.localeCompare(b));
    }),

  get: workspaceProcedure("viewer")
    .input(DraftIdSchema)
    .output(DraftDetailSchema)
    .query(async ({ ctx, input }) => {
      const row = await findDraft(ctx.db, ctx.workspace.id, input.draftId);
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
      const full = await draftWithMedia(ctx.db, row);
      return { ...strip(full), scoreDetails: (row.scoreDetails as DraftScore | null) ?? null };
    }),

  /** What the editor's scorer learns from: the profile's past posts and its context (may be empty). */
  scoringInput: workspaceProcedure("viewer")
    .input(z.object({ profileId: z.uuid({ error: "Unknown profile." }) }))
    .query(({ ctx, input }) => scoreInputFor(ctx.db, ctx.workspace.id, input.profileId)),

  create: workspaceProcedure("editor")
    .input(DraftCreateSchema)
    .output(DraftOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const profile = await requireProfile(ctx.db, ctx.workspace.id, input.profileId);
      await requireContentType(ctx.db, ctx.workspace.id, input.contentType);
      const caption = input.caption ?? "";
      const plan = requestedPlan(input, profile.timeZone) ?? null;
      const scoring = await scoreInputFor(ctx.db, ctx.workspace.id, input.profileId);
      const stored = scoreForStorage(
        {
          contentType: input.contentType ?? null,
          format: input.format ?? null,
          caption,
          plannedAt: plan?.plannedAt ?? null,
          mediaCount: 0,
        },
        scoring,
      );
      return ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(drafts)
          .values({
            workspaceId: ctx.workspace.id,
            profileId: input.profileId,
            contentType: input.contentType ?? null,
            format: input.format ?? null,
            caption,
            firstComment: input.firstComment ?? "",
            notes: input.notes ?? "",
            labels: input.labels ?? [],
            plannedAt: plan?.plannedAt ?? null,
            plannedLocal: plan?.plannedLocal ?? null,
            status: "draft",
            ...stored,
            createdBy: ctx.user.id,
            updatedBy: ctx.user.id,
          })
          .returning();
        if (!created) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
        await recordCreation(tx, created, ctx.user.id);
        // A draft created in another status gets there through the lifecycle, like any other move.
        if (!input.status || input.status === "draft") return strip({ ...created, media: [] });
        const { draft } = await transitionDraft(tx, {
          workspaceId: ctx.workspace.id,
          draftId: created.id,
          to: input.status,
          actorUserId: ctx.user.id,
        });
        return strip({ ...draft, media: [] });
      });
    }),

  /**
   * Autosave. Conflicts are a normal answer, not an error: the editor shows both versions. A
   * scheduled post stays scheduled through edits (each bumps its version) as long as it can still
   * be published; a status change goes through the lifecycle rules, in the same transaction.
   */
  update: workspaceProcedure("editor")
    .input(DraftUpdateSchema)
    .output(SaveResultSchema)
    .mutation(async ({ ctx, input }) => {
      const {
        draftId,
        expectedVersion,
        workspaceId: _w,
        status: nextStatus,
        plannedLocal: _l,
        ...changes
      } = input;
      const current = await findDraft(ctx.db, ctx.workspace.id, draftId);
      if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
      if (current.version !== expectedVersion) {
        return {
          status: "conflict" as const,
          current: strip(await draftWithMedia(ctx.db, current)),
        };
      }
      const profileId = changes.profileId ?? current.profileId;
      const profile = await requireProfile(ctx.db, ctx.workspace.id, profileId);
      if (changes.contentType !== undefined)
        await requireContentType(ctx.db, ctx.workspace.id, changes.contentType);
      const requested = requestedPlan(input, profile.timeZone);
      // Moving a post to another profile keeps its instant, read on the new profile's clock.
      const plan =
        requested !== undefined
          ? requested
          : current.plannedAt && profileId !== current.profileId
            ? planFromInstant(current.plannedAt, profile.timeZone)
            : undefined;
      const merged: Omit<DraftFields, "plannedAt" | "plannedLocal" | "status"> & {
        plannedAt: Date | null;
        plannedLocal: string | null;
      } = {
        contentType: changes.contentType !== undefined ? changes.contentType : current.contentType,
        format: (changes.format !== undefined
          ? changes.format
          : current.format) as DraftFields["format"],
        caption: changes.caption ?? current.caption,
        firstComment: changes.firstComment ?? current.firstComment,
        notes: changes.notes ?? current.notes,
        labels: changes.labels ?? current.labels,
        plannedAt: plan !== undefined ? (plan?.plannedAt ?? null) : current.plannedAt,
        plannedLocal: plan !== undefined ? (plan?.plannedLocal ?? null) : current.plannedLocal,
      };
      const timeMoved = merged.plannedAt?.getTime() !== current.plannedAt?.getTime();
      const scoring = await scoreInputFor(ctx.db, ctx.workspace.id, profileId);
      const stored = scoreForStorage(
        { ...merged, mediaCount: await mediaCount(ctx.db, draftId) },
        scoring,
      );
      try {
        return await ctx.db.transaction(async (tx) => {
          const [row] = await tx
            .update(drafts)
            .set({
              ...merged,
              profileId,
              ...stored,
              version: sql`${drafts.version} + 1`,
              updatedBy: ctx.user.id,
              updatedAt: new Date(),
            })
            .where(
              and(
                eq(drafts.id, draftId),
                eq(drafts.workspaceId, ctx.workspace.id),
                eq(drafts.version, expectedVersion),
              ),
            )
            .returning();
          if (!row) throw new SaveConflict();
          let saved: DraftRow = row;
          if (nextStatus && nextStatus !== current.status) {
            saved = (
              await transitionDraft(tx, {
                workspaceId: ctx.workspace.id,
                draftId,
                to: nextStatus,
                actorUserId: ctx.user.id,
                expectedVersion: row.version,
              })
            ).draft;
          } else if (row.status === "scheduled") {
            // Still scheduled after the edit: it must still be publishable (the time only when it moved).
            await assertSchedulable(tx, row, profile.platform, new Date(), {
              checkTime: timeMoved,
            });
            if (timeMoved || profileId !== current.profileId) await onScheduleChanged(tx, row);
          }
          return {
            status: "saved" as const,
            draft: strip(await draftWithMedia(tx as unknown as Database, saved)),
            resolution: plan?.resolution ?? null,
          };
        });
      } catch (error) {
        if (!(error instanceof SaveConflict)) throw error;
        // Another save landed between our read and our write.
        const latest = await findDraft(ctx.db, ctx.workspace.id, draftId);
        if (!latest) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
        return {
          status: "conflict" as const,
          current: strip(await draftWithMedia(ctx.db, latest)),
        };
      }
    }),

  duplicate: workspaceProcedure("editor")
    .input(DraftIdSchema)
    .output(DraftOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const source = await findDraft(ctx.db, ctx.workspace.id, input.draftId);
      if (!source) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
      return ctx.db.transaction(async (tx) => {
        const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...fields } = source;
        const [copy] = await tx
          .insert(drafts)
          .values({
            ...fields,
            status: "draft",
            plannedAt: null,
            plannedLocal: null,
            isExample: false,
            createdBy: ctx.user.id,
            updatedBy: ctx.user.id,
          })
          .returning();
        if (!copy) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
        await recordCreation(tx, copy, ctx.user.id);
        const items = await tx
          .select()
          .from(draftMedia)
          .where(eq(draftMedia.draftId, source.id))
          .orderBy(asc(draftMedia.position));
        if (items.length > 0)
          await tx
            .insert(draftMedia)
            .values(
              items.map((m) => ({
                draftId: copy.id,
                mediaId: m.mediaId,
                position: m.position,
                originalName: m.originalName,
              })),
            );
        const m = await mediaForDrafts(tx as unknown as Database, [copy.id]);
        return strip({ ...copy, media: m.get(copy.id) ?? [] });
      });
    }),

  /** "Run it again": a new draft seeded from a past post's caption, type and format. */
  fromPost: workspaceProcedure("editor")
    .input(PostIdSchema)
    .output(DraftOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const [post] = await ctx.db
        .select()
        .from(posts)
        .where(and(eq(posts.id, input.postId), eq(posts.workspaceId, ctx.workspace.id)));
      if (!post) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
      const contentType =
        post.contentType && (CONTENT_TYPES as readonly string[]).includes(post.contentType)
          ? post.contentType
          : null;
      const format =
        post.format && (FORMATS as readonly string[]).includes(post.format) ? post.format : null;
      const caption = post.caption ?? "";
      const scoring = await scoreInputFor(ctx.db, ctx.workspace.id, post.profileId);
      const stored = scoreForStorage(
        { contentType, format, caption, plannedAt: null, mediaCount: 0 },
        scoring,
      );
      const when = post.publishedAt
        ? post.publishedAt.toISOString().slice(0, 10)
        : "an earlier post";
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(drafts)
          .values({
            workspaceId: ctx.workspace.id,
            profileId: post.profileId,
            contentType,
            format,
            caption,
            notes: `Run again from the post of ${when}.`,
            ...stored,
            createdBy: ctx.user.id,
            updatedBy: ctx.user.id,
          })
          .returning();
        if (!row) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
        await recordCreation(tx, row, ctx.user.id);
        return strip({ ...row, media: [] });
      });
    }),

  delete: workspaceProcedure("editor")
    .input(DraftIdSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const deleted = await tx
          .delete(drafts)
          .where(and(eq(drafts.id, input.draftId), eq(drafts.workspaceId, ctx.workspace.id)))
          .returning();
        const row = deleted[0];
        if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Draft not found." });
        // A deleted scheduled post leaves the schedule: the publisher hears of it as cancelled.
        if (row.status === "scheduled") await onScheduleChanged(tx, { ...row, status: "cancelled" });
        return { deleted: true };
      }),
    ),

  ...draftPlanningProcedures,
} satisfies TRPCRouterRecord;
