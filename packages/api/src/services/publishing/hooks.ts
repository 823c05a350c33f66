/**
 * The publishing hook: `transitionDraft` and the reschedule service call `onScheduleChanged` in their
 * own transaction whenever a draft enters or leaves `scheduled` or its planned time moves, so the
 * publish job commits (or is cancelled) together with the change that caused it.
 */
import type { Executor } from "./queue";
import { cancelJob, enqueue } from "./queue";

export const PUBLISH_QUEUE = "publish";

/** One publish job per draft: rescheduling moves it, so a draft is never queued twice. */
export function publishJobKey(draftId: string): string {
  return `publish:${draftId}`;
}

/** Sent as `webhook-id` on every try of this draft's publish: receivers drop repeats by it. */
export function publishIdempotencyKey(draftId: string): string {
  return `publish_${draftId}`;
}

export interface ScheduledDraft {
  id: string;
  workspaceId: string;
  status: string;
  plannedAt: Date | null;
}

export async function onScheduleChanged(
  tx: Executor,
  draft: ScheduledDraft,
  now: Date = new Date(),
): Promise<void> {
  const key = publishJobKey(draft.id);
  if (draft.status === "scheduled" && draft.plannedAt) {
    // A retry of a post whose time has passed is due at once; `restart` revives a finished or dead job.
    await enqueue(
      tx,
      {
        queue: PUBLISH_QUEUE,
        key,
        runAt: draft.plannedAt,
        workspaceId: draft.workspaceId,
        payload: { draftId: draft.id, workspaceId: draft.workspaceId },
      },
      now,
      { restart: true },
    );
  } else if (draft.status !== "publishing") {
    await cancelJob(tx, key, now);
  }
}
