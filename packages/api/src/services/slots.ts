/**
 * The queue: a profile's recurring weekly posting slots, suggested from its own heatmap, and "add
 * to queue", which puts a draft into the next free slot on the profile's clock and schedules it.
 */
import { TRPCError } from "@trpc/server";
import {
  and,
  asc,
  drafts,
  eq,
  inArray,
  postingSlots,
  socialProfiles,
  sql,
  type Database,
} from "@rapport/db";
import {
  addDaysToLocalDate,
  localDateTimeOf,
  PLANNED_STATUSES,
  suggestPostingSlots,
  weekdayOfLocalDate,
  WEEKDAY_NAMES,
  type DraftStatus,
} from "@rapport/core";
import { profileHeatmap } from "./calendar";
import { transitionDraft, versionConflict, type Executor } from "./draft-lifecycle";
import { planFromLocal, type PlannedTime } from "./planned-time";
import { placeDraft } from "./reschedule";

export type SlotRow = typeof postingSlots.$inferSelect;

/** How far ahead "add to queue" looks for a free slot. */
export const QUEUE_HORIZON_DAYS = 56;

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

const duplicate = (weekday: number, localTime: string) =>
  new TRPCError({
    code: "CONFLICT",
    message: `This profile already has a slot on ${WEEKDAY_NAMES[weekday]} at ${localTime}.`,
  });

async function requireProfile(db: Executor, workspaceId: string, profileId: string) {
  const [p] = await db
    .select({ id: socialProfiles.id, timeZone: socialProfiles.timeZone })
    .from(socialProfiles)
    .where(and(eq(socialProfiles.id, profileId), eq(socialProfiles.workspaceId, workspaceId)));
  if (!p) throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
  return p;
}

export async function listSlots(
  db: Database,
  workspaceId: string,
  profileId?: string,
): Promise<SlotRow[]> {
  const where = [eq(postingSlots.workspaceId, workspaceId)];
  if (profileId) where.push(eq(postingSlots.profileId, profileId));
  return db
    .select()
    .from(postingSlots)
    .where(and(...where))
    .orderBy(asc(postingSlots.profileId), asc(postingSlots.weekday), asc(postingSlots.localTime));
}

export async function createSlot(
  db: Database,
  workspaceId: string,
  input: {
    profileId: string;
    weekday: number;
    localTime: string;
    source?: "suggested" | "manual" | undefined;
    evidence?: string | null | undefined;
  },
  userId: string,
): Promise<SlotRow> {
  await requireProfile(db, workspaceId, input.profileId);
  try {
    const [row] = await db
      .insert(postingSlots)
      .values({
        workspaceId,
        profileId: input.profileId,
        weekday: input.weekday,
        localTime: input.localTime,
        source: input.source ?? "manual",
        evidence: input.source === "suggested" ? (input.evidence ?? null) : null,
        createdBy: userId,
      })
      .returning();
    if (!row) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.weekday, input.localTime);
    throw error;
  }
}

export async function updateSlot(
  db: Database,
  workspaceId: string,
  input: { slotId: string; weekday: number; localTime: string },
): Promise<SlotRow> {
  try {
    // A moved slot is the person's own choice now: the suggestion's evidence no longer describes it.
    const [row] = await db
      .update(postingSlots)
      .set({
        weekday: input.weekday,
        localTime: input.localTime,
        source: "manual",
        evidence: null,
        updatedAt: new Date(),
      })
      .where(and(eq(postingSlots.id, input.slotId), eq(postingSlots.workspaceId, workspaceId)))
      .returning();
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Slot not found." });
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.weekday, input.localTime);
    throw error;
  }
}

export async function deleteSlot(db: Database, workspaceId: string, slotId: string) {
  const deleted = await db
    .delete(postingSlots)
    .where(and(eq(postingSlots.id, slotId), eq(postingSlots.workspaceId, workspaceId)))
    .returning({ id: postingSlots.id });
  if (deleted.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "Slot not found." });
  return { deleted: true };
}

/** Slots suggested from the profile's own heatmap, each with its evidence, marking those already in the queue. */
export async function suggestSlots(
  db: Database,
  workspaceId: string,
  profileId: string,
  count: number,
) {
  const { profile, heatmap } = await profileHeatmap(db, workspaceId, profileId);
  const existing = await listSlots(db, workspaceId, profileId);
  const suggestions = suggestPostingSlots(heatmap, count).map((s) => ({
    ...s,
    alreadyASlot: existing.some((e) => e.weekday === s.weekday && e.localTime === s.localTime),
  }));
  return {
    profileId,
    timeZone: profile.timeZone,
    denominator: heatmap.denominator,
    n: heatmap.n,
    suggestions,
    summary:
      suggestions.length > 0
        ? `From ${heatmap.n} of your posts with a time, per person reached where reach is known.`
        : heatmap.n < 30
          ? `Not enough posts with a time yet to suggest slots (${heatmap.n}; the heatmap needs at least 3 in a slot to compare it).`
          : `None of your slots did better than your typical post across ${heatmap.n} posts: any time works as well as another.`,
  };
}

export interface SlotOccurrence {
  slotId: string;
  profileId: string;
  weekday: number;
  localDate: string;
  localTime: string;
  plannedAt: Date;
  resolution: string | null;
}

/**
 * Occurrences of the profile's slots from `now` on, for `days` local days, in time order, with
 * whether a planned post already holds each one (same local date and time on the profile).
 */
export async function slotOccurrences(
  db: Executor,
  input: {
    workspaceId: string;
    profileId: string;
    timeZone: string;
    now: Date;
    days: number;
    excludeDraftId?: string;
  },
): Promise<(SlotOccurrence & { taken: boolean })[]> {
  const slots = await db
    .select()
    .from(postingSlots)
    .where(
      and(
        eq(postingSlots.workspaceId, input.workspaceId),
        eq(postingSlots.profileId, input.profileId),
      ),
    );
  if (slots.length === 0) return [];
  const today = localDateTimeOf(input.now.getTime(), input.timeZone)?.slice(0, 10);
  if (!today) return [];
  const last = addDaysToLocalDate(today, input.days - 1);
  const takenRows = await db
    .select({ id: drafts.id, plannedLocal: drafts.plannedLocal })
    .from(drafts)
    .where(
      and(
        eq(drafts.workspaceId, input.workspaceId),
        eq(drafts.profileId, input.profileId),
        inArray(drafts.status, [...PLANNED_STATUSES] as DraftStatus[]),
        sql`${drafts.plannedLocal} >= ${today} and ${drafts.plannedLocal} < ${`${addDaysToLocalDate(last, 1)}`}`,
      ),
    );
  const taken = new Set(
    takenRows.filter((r) => r.id !== input.excludeDraftId).map((r) => r.plannedLocal),
  );
  const out: (SlotOccurrence & { taken: boolean })[] = [];
  for (let i = 0; i < input.days; i++) {
    const date = addDaysToLocalDate(today, i);
    const weekday = weekdayOfLocalDate(date);
    for (const s of slots
      .filter((x) => x.weekday === weekday)
      .sort((a, b) => a.localTime.localeCompare(b.localTime))) {
      const plan: PlannedTime = planFromLocal(`${date}T${s.localTime}`, input.timeZone);
      if (plan.plannedAt.getTime() <= input.now.getTime()) continue;
      out.push({
        slotId: s.id,
        profileId: s.profileId,
        weekday,
        localDate: date,
        localTime: s.localTime,
        plannedAt: plan.plannedAt,
        resolution: plan.resolution,
        taken: taken.has(`${date}T${s.localTime}`) || taken.has(plan.plannedLocal),
      });
    }
  }
  return out;
}

/**
 * Puts the draft into its profile's next free slot and schedules it through `transitionDraft` (so
 * the lifecycle rules, the scheduling checks and the history apply). One transaction: refused, it
 * changes nothing.
 */
export async function addToQueue(
  tx: Executor,
  input: {
    workspaceId: string;
    draftId: string;
    expectedVersion: number;
    actorUserId: string;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  const [current] = await tx
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, input.draftId), eq(drafts.workspaceId, input.workspaceId)))
    .for("update");
  if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
  if (current.version !== input.expectedVersion) throw versionConflict(current.version);
  if (!["draft", "in_review", "approved"].includes(current.status)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        current.status === "scheduled"
          ? "This post is already scheduled: move it on the calendar instead."
          : "Only a draft, a post in review or an approved post can join the queue.",
    });
  }
  const profile = await requireProfile(tx, input.workspaceId, current.profileId);
  const occurrences = await slotOccurrences(tx, {
    workspaceId: input.workspaceId,
    profileId: current.profileId,
    timeZone: profile.timeZone,
    now,
    days: QUEUE_HORIZON_DAYS,
    excludeDraftId: current.id,
  });
  const hasSlots =
    (
      await tx
        .select({ id: postingSlots.id })
        .from(postingSlots)
        .where(eq(postingSlots.profileId, current.profileId))
        .limit(1)
    ).length > 0;
  if (!hasSlots)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        "This profile has no posting slots yet: add one, or take the suggested slots, first.",
    });
  const free = occurrences.find((o) => !o.taken);
  if (!free)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Every slot of this profile in the next ${QUEUE_HORIZON_DAYS / 7} weeks is taken: add a slot or move a post.`,
    });
  const plan = planFromLocal(`${free.localDate}T${free.localTime}`, profile.timeZone);
  const placed = await placeDraft(tx, {
    workspaceId: input.workspaceId,
    draft: current,
    plan,
    actorUserId: input.actorUserId,
    now,
  });
  const { draft } = await transitionDraft(tx, {
    workspaceId: input.workspaceId,
    draftId: current.id,
    to: "scheduled",
    actorUserId: input.actorUserId,
    comment: `Added to the queue: ${WEEKDAY_NAMES[free.weekday]} ${free.localTime} slot.`,
    expectedVersion: placed.version,
    now,
  });
  return {
    draftId: draft.id,
    version: draft.version,
    status: draft.status,
    slotId: free.slotId,
    plannedAt: plan.plannedAt,
    localDate: plan.plannedLocal.slice(0, 10),
    localTime: plan.plannedLocal.slice(11),
    resolution: plan.resolution,
  };
}
