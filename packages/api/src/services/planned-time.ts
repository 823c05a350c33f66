/**
 * A draft's planned time is kept twice: the instant (`planned_at`, what the publisher acts on) and
 * the wall-clock time on its profile's clock (`planned_local`). Both are always set through these
 * functions, with core's time-zone code, so they agree; a profile's time-zone change re-pins the
 * instants to the same local times (decision 701).
 */
import { TRPCError } from "@trpc/server";
import { and, drafts, eq, inArray, sql } from "@rapport/db";
import {
  localDateTimeOf,
  parseLocalDateTime,
  REPINNED_STATUSES,
  resolveLocalDateTime,
  type DraftStatus,
  type LocalTimeKind,
} from "@rapport/core";
import { transitionDraft, type Executor } from "./draft-lifecycle";
import type { DraftRow } from "./drafts";
import { fieldRefusal } from "./field-errors";
import { onScheduleChanged } from "./publishing/hooks";

export interface PlannedTime {
  plannedAt: Date;
  /** "YYYY-MM-DDTHH:mm" on the profile's clock. */
  plannedLocal: string;
  kind: LocalTimeKind;
  /** Set when the requested local time did not exist or happened twice: what was done, in words. */
  resolution: string | null;
}

/** The planned time for a wall-clock time on the profile's clock, with the DST rule applied. */
export function planFromLocal(local: string, timeZone: string): PlannedTime {
  if (!parseLocalDateTime(local))
    throw fieldRefusal("Enter the planned time as a date and a time, like 2026-03-31 09:00.", {
      plannedAt: ["Enter a real date and time."],
    });
  const r = resolveLocalDateTime(local, timeZone);
  if (!r)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The profile's time zone (${timeZone}) is not one this server knows.`,
    });
  return {
    plannedAt: new Date(r.instant),
    plannedLocal: r.local,
    kind: r.kind,
    resolution: r.resolution,
  };
}

/** The planned time for an instant (to the minute), read on the profile's clock. */
export function planFromInstant(at: Date, timeZone: string): PlannedTime {
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  const local = localDateTimeOf(minute.getTime(), timeZone);
  if (!local)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The profile's time zone (${timeZone}) is not one this server knows.`,
    });
  return { plannedAt: minute, plannedLocal: local, kind: "exact", resolution: null };
}

export interface MovedPost {
  draftId: string;
  /** The caption's first line, shortened. */
  title: string;
  status: DraftStatus;
  /** The local time it keeps, on the profile's new clock. */
  plannedLocal: string;
  from: Date;
  to: Date;
  resolution: string | null;
  /** A scheduled post whose new instant had already passed is unscheduled rather than sent late. */
  unscheduled: boolean;
}

export function captionTitle(caption: string, max = 80): string {
  const line = caption.trim().split("\n")[0]?.trim() ?? "";
  if (line.length === 0) return "Untitled post";
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * After a profile's time zone changed to `timeZone`: every post that is still to go out keeps its
 * local time, so its instant moves. Returns the posts that moved. Runs in the caller's transaction.
 */
export async function repinProfileDrafts(
  tx: Executor,
  input: {
    workspaceId: string;
    profileId: string;
    timeZone: string;
    actorUserId: string;
    now?: Date;
  },
): Promise<MovedPost[]> {
  const now = input.now ?? new Date();
  const rows = await tx
    .select()
    .from(drafts)
    .where(
      and(
        eq(drafts.workspaceId, input.workspaceId),
        eq(drafts.profileId, input.profileId),
        sql`${drafts.plannedLocal} is not null`,
        inArray(drafts.status, [...REPINNED_STATUSES]),
      ),
    )
    .for("update");
  const moved: MovedPost[] = [];
  for (const d of rows) {
    const plan = planFromLocal(d.plannedLocal as string, input.timeZone);
    if (plan.plannedAt.getTime() === d.plannedAt?.getTime() && plan.plannedLocal === d.plannedLocal)
      continue;
    const [row] = await tx
      .update(drafts)
      .set({
        plannedAt: plan.plannedAt,
        plannedLocal: plan.plannedLocal,
        version: sql`${drafts.version} + 1`,
        updatedAt: now,
      })
      .where(eq(drafts.id, d.id))
      .returning();
    if (!row) continue;
    let unscheduled = false;
    if (row.status === "scheduled") {
      if (plan.plannedAt.getTime() <= now.getTime()) {
        await transitionDraft(tx, {
          workspaceId: input.workspaceId,
          draftId: row.id,
          to: "draft",
          actorUserId: input.actorUserId,
          comment: `Unscheduled: after the profile's time zone changed to ${input.timeZone}, ${plan.plannedLocal.replace("T", " ")} had already passed.`,
          now,
        });
        unscheduled = true;
      } else {
        await onScheduleChanged(tx, row as DraftRow, now);
      }
    }
    moved.push({
      draftId: row.id,
      title: captionTitle(row.caption),
      status: unscheduled ? "draft" : row.status,
      plannedLocal: plan.plannedLocal,
      from: d.plannedAt as Date,
      to: plan.plannedAt,
      resolution: plan.resolution,
      unscheduled,
    });
  }
  return moved;
}
