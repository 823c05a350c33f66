/**
 * Moving a post to another local day and time (the calendar's drag and drop and its keyboard
 * equivalent): version-checked, on the profile's clock with the DST rule, rescored (the time slot
 * is part of the score), and the publisher is told when a scheduled post moves.
 */
import { TRPCError } from "@trpc/server";
import { and, draftMedia, drafts, eq, socialProfiles, sql } from "@rapport/db";
import { PLANNED_STATUSES, DRAFT_STATUS_LABELS, type DraftStatus } from "@rapport/core";
import { versionConflict, type Executor } from "./draft-lifecycle";
import { loadScoringInput, scoreForStorage } from "./draft-scoring";
import type { DraftRow } from "./drafts";
import { fieldRefusal } from "./field-errors";
import { planFromLocal, type PlannedTime } from "./planned-time";
import { onScheduleChanged } from "./publishing/hooks";
import type { Database } from "@rapport/db";

/** The draft's score at a new planned time (the time slot is one of the scorer's features). */
async function rescoredFields(
  tx: Executor,
  workspaceId: string,
  draft: DraftRow,
  plannedAt: Date,
) {
  const scoring = await loadScoringInput(tx as Database, workspaceId, draft.profileId);
  if (!scoring) return {};
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(draftMedia)
    .where(eq(draftMedia.draftId, draft.id));
  return scoreForStorage({ ...draft, plannedAt, mediaCount: n }, scoring);
}

/**
 * Moves a draft to a planned time (on its profile's clock) and rescores it there, as one new version:
 * refused as a conflict when another save got in first. Rescheduling and the queue both place posts
 * through this; what follows (the publishing hook, the transition to scheduled) is theirs.
 */
export async function placeDraft(
  tx: Executor,
  input: {
    workspaceId: string;
    draft: DraftRow;
    plan: PlannedTime;
    actorUserId: string;
    now: Date;
  },
): Promise<DraftRow> {
  const { draft, plan } = input;
  const stored = await rescoredFields(tx, input.workspaceId, draft, plan.plannedAt);
  const [row] = await tx
    .update(drafts)
    .set({
      plannedAt: plan.plannedAt,
      plannedLocal: plan.plannedLocal,
      ...stored,
      version: sql`${drafts.version} + 1`,
      updatedBy: input.actorUserId,
      updatedAt: input.now,
    })
    .where(and(eq(drafts.id, draft.id), eq(drafts.version, draft.version)))
    .returning();
  if (!row) throw versionConflict(draft.version + 1);
  return row as DraftRow;
}

export interface RescheduleInput {
  workspaceId: string;
  draftId: string;
  expectedVersion: number;
  /** YYYY-MM-DD and HH:mm on the profile's clock. */
  localDate: string;
  localTime: string;
  actorUserId: string;
  now?: Date;
}

export async function rescheduleDraft(tx: Executor, input: RescheduleInput) {
  const now = input.now ?? new Date();
  const [found] = await tx
    .select({ draft: drafts, timeZone: socialProfiles.timeZone })
    .from(drafts)
    .innerJoin(socialProfiles, eq(socialProfiles.id, drafts.profileId))
    .where(and(eq(drafts.id, input.draftId), eq(drafts.workspaceId, input.workspaceId)))
    .for("update", { of: drafts });
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
  const current = found.draft;
  if (current.version !== input.expectedVersion) throw versionConflict(current.version);
  if (
    !(PLANNED_STATUSES as readonly DraftStatus[]).includes(current.status) ||
    current.status === "publishing"
  ) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `A ${DRAFT_STATUS_LABELS[current.status].toLowerCase()} post can't be moved.`,
    });
  }
  const plan = planFromLocal(`${input.localDate}T${input.localTime}`, found.timeZone);
  if (current.status === "scheduled" && plan.plannedAt.getTime() <= now.getTime()) {
    throw fieldRefusal(
      "That time has passed: a scheduled post can only move to a time in the future.",
      { plannedAt: ["That time has passed: choose a time in the future."] },
    );
  }
  const row = await placeDraft(tx, {
    workspaceId: input.workspaceId,
    draft: current,
    plan,
    actorUserId: input.actorUserId,
    now,
  });
  if (row.status === "scheduled") await onScheduleChanged(tx, row, now);
  return {
    draftId: row.id,
    version: row.version,
    status: row.status,
    plannedAt: plan.plannedAt,
    plannedLocal: plan.plannedLocal,
    localDate: plan.plannedLocal.slice(0, 10),
    localTime: plan.plannedLocal.slice(11),
    resolution: plan.resolution,
    score: row.score,
    scoreBand: row.scoreBand,
  };
}
