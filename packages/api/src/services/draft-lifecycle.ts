/**
 * The one writer of a draft's status. `transitionDraft` checks core's lifecycle rules for the actor's
 * role and the workspace's approval setting, checks what scheduling needs, updates the draft (bumping
 * its version), records the transition, and tells the publisher when the schedule changed — all in
 * the caller's transaction. The publisher's own moves pass `actorUserId: null`.
 */
import { TRPCError } from "@trpc/server";
import {
  and,
  asc,
  draftMedia,
  drafts,
  draftTransitions,
  eq,
  media,
  memberships,
  socialProfiles,
  sql,
  users,
  workspaces,
  type Database,
} from "@rapport/db";
import {
  decideTransition,
  DRAFT_STATUS_LABELS,
  isTransitionAction,
  validateForScheduling,
  type Actor,
  type DraftStatus,
  type Format,
  type Platform,
  type TransitionAction,
} from "@rapport/core";
import type { DraftRow } from "./drafts";
import { fieldRefusal } from "./field-errors";
import { onScheduleChanged } from "./publishing/hooks";

/** A database or an open transaction. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute">;

export interface TransitionInput {
  workspaceId: string;
  draftId: string;
  to: DraftStatus;
  /** The person acting; null for the publisher (system). */
  actorUserId: string | null;
  comment?: string | null | undefined;
  /** When given, the transition is refused as a conflict if the draft moved on. */
  expectedVersion?: number | undefined;
  now?: Date | undefined;
}

export type TransitionRow = typeof draftTransitions.$inferSelect;

export function versionConflict(current: number): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: `This post changed in another tab or by someone else (it is now at version ${current}). Reload to see the latest before trying again.`,
  });
}

async function actorRole(tx: Executor, workspaceId: string, userId: string | null): Promise<Actor> {
  if (userId === null) return "system";
  const [m] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!m) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found." });
  return m.role;
}

/** MIME types of a draft's media, in order. */
export async function draftMediaTypes(tx: Executor, draftId: string): Promise<string[]> {
  const rows = await tx
    .select({ mimeType: media.mimeType })
    .from(draftMedia)
    .innerJoin(media, eq(draftMedia.mediaId, media.id))
    .where(eq(draftMedia.draftId, draftId))
    .orderBy(asc(draftMedia.position));
  return rows.map((r) => r.mimeType);
}

/** Refuses (with messages per field) when the draft is not ready to be scheduled. */
export async function assertSchedulable(
  tx: Executor,
  draft: DraftRow,
  platform: Platform,
  now: Date,
  options: { checkTime?: boolean } = {},
) {
  const result = validateForScheduling({
    platform,
    caption: draft.caption,
    format: draft.format as Format | null,
    mediaTypes: await draftMediaTypes(tx, draft.id),
    plannedAt: draft.plannedAt,
    now,
  });
  if (options.checkTime === false) delete result.errors.plannedAt;
  const messages = Object.values(result.errors).flat();
  if (messages.length > 0)
    throw fieldRefusal(`Can't schedule yet: ${messages.join(" ")}`, result.errors);
}

/** For a scheduled draft after a change to its content: refuses (per field) if it can no longer be published. */
export async function assertStillSchedulable(tx: Executor, draft: DraftRow): Promise<void> {
  if (draft.status !== "scheduled") return;
  const [profile] = await tx
    .select({ platform: socialProfiles.platform })
    .from(socialProfiles)
    .where(eq(socialProfiles.id, draft.profileId));
  if (profile)
    await assertSchedulable(tx, draft, profile.platform, new Date(), { checkTime: false });
}

export async function transitionDraft(
  tx: Executor,
  input: TransitionInput,
): Promise<{ draft: DraftRow; transition: TransitionRow }> {
  const now = input.now ?? new Date();
  const [found] = await tx
    .select({
      draft: drafts,
      platform: socialProfiles.platform,
      approvalsRequired: workspaces.approvalsRequired,
    })
    .from(drafts)
    .innerJoin(socialProfiles, eq(socialProfiles.id, drafts.profileId))
    .innerJoin(workspaces, eq(workspaces.id, drafts.workspaceId))
    .where(and(eq(drafts.id, input.draftId), eq(drafts.workspaceId, input.workspaceId)))
    .for("update", { of: drafts });
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
  const current = found.draft;
  if (input.expectedVersion !== undefined && current.version !== input.expectedVersion)
    throw versionConflict(current.version);
  const actor = await actorRole(tx, input.workspaceId, input.actorUserId);
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  const decision = decideTransition({
    from: current.status,
    to: input.to,
    actor,
    approvalsRequired: found.approvalsRequired,
    comment,
  });
  if (!decision.ok) throw new TRPCError({ code: decision.code, message: decision.reason });
  // A retry sends a post whose time has passed at once: only its content is checked again.
  if (decision.needsSchedulingCheck)
    await assertSchedulable(tx, current, found.platform, now, {
      checkTime: decision.action !== "retry",
    });
  const [row] = await tx
    .update(drafts)
    .set({
      status: input.to,
      version: sql`${drafts.version} + 1`,
      updatedAt: now,
      ...(input.actorUserId ? { updatedBy: input.actorUserId } : {}),
    })
    .where(and(eq(drafts.id, current.id), eq(drafts.version, current.version)))
    .returning();
  if (!row) throw versionConflict(current.version + 1);
  const [transition] = await tx
    .insert(draftTransitions)
    .values({
      draftId: row.id,
      workspaceId: row.workspaceId,
      fromStatus: current.status,
      toStatus: input.to,
      action: decision.action,
      actorUserId: input.actorUserId,
      comment,
      createdAt: now,
    })
    .returning();
  if (!transition) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
  if (current.status === "scheduled" || input.to === "scheduled")
    await onScheduleChanged(tx, row, now);
  return { draft: row, transition };
}

/** The first history row of a new draft (from nothing to its first status). */
export async function recordCreation(
  tx: Executor,
  draft: DraftRow,
  actorUserId: string | null,
  comment: string | null = null,
) {
  await tx.insert(draftTransitions).values({
    draftId: draft.id,
    workspaceId: draft.workspaceId,
    fromStatus: null,
    toStatus: draft.status,
    actorUserId,
    comment,
    createdAt: draft.createdAt,
  });
}

export interface HistoryEntry {
  id: string;
  fromStatus: DraftStatus | null;
  toStatus: DraftStatus;
  action: TransitionAction | null;
  /** "Created as draft", "Scheduled", "Sent back to draft", in words. */
  summary: string;
  actor: { userId: string; name: string } | null;
  comment: string | null;
  createdAt: Date;
}

const PAST_TENSE: Record<TransitionAction, string> = {
  submit: "Submitted for review",
  withdraw: "Withdrawn to draft",
  approve: "Approved",
  send_back: "Sent back to draft",
  schedule: "Scheduled",
  unschedule: "Unscheduled",
  cancel: "Cancelled",
  restore: "Restored to draft",
  archive: "Archived",
  unarchive: "Unarchived",
  retry: "Scheduled again",
  start_publishing: "Publishing started",
  mark_published: "Published",
  mark_failed: "Publishing failed",
  mark_needs_action: "Publishing needs action",
};

function summarize(from: DraftStatus | null, to: DraftStatus, action: string | null): string {
  if (from === null) return `Created as ${DRAFT_STATUS_LABELS[to].toLowerCase()}`;
  if (isTransitionAction(action)) return PAST_TENSE[action];
  return `${DRAFT_STATUS_LABELS[from]} → ${DRAFT_STATUS_LABELS[to]}`;
}

/** A draft's transitions, oldest first, with who made them. */
export async function draftHistory(
  db: Executor,
  workspaceId: string,
  draftId: string,
): Promise<HistoryEntry[] | null> {
  const [exists] = await db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.id, draftId), eq(drafts.workspaceId, workspaceId)));
  if (!exists) return null;
  const rows = await db
    .select({ t: draftTransitions, name: users.name })
    .from(draftTransitions)
    .leftJoin(users, eq(users.id, draftTransitions.actorUserId))
    .where(
      and(eq(draftTransitions.draftId, draftId), eq(draftTransitions.workspaceId, workspaceId)),
    )
    .orderBy(asc(draftTransitions.createdAt), asc(draftTransitions.id));
  return rows.map(({ t, name }) => ({
    id: t.id,
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    action: isTransitionAction(t.action) ? t.action : null,
    summary: summarize(t.fromStatus, t.toStatus, t.action),
    actor: t.actorUserId ? { userId: t.actorUserId, name: name ?? "Former member" } : null,
    comment: t.comment,
    createdAt: t.createdAt,
  }));
}
