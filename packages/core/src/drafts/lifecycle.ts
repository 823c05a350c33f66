/**
 * A post's lifecycle up to and through publishing: the statuses, which transitions each role may
 * make (given whether the workspace requires approvals), and what scheduling needs. Pure: the api's
 * `transitionDraft` is the one writer of a status and asks these rules first; the UI asks them to
 * decide which buttons to show.
 */
import { z } from "zod";
import { countCaption } from "../platforms/caption-limits";
import type { Format, Platform } from "../domain/vocabulary";
import { PLATFORM_LABELS } from "../domain/vocabulary";

export const DRAFT_STATUSES = [
  "draft",
  "in_review",
  "approved",
  "scheduled",
  "publishing",
  "published",
  "failed",
  "needs_action",
  "cancelled",
  "archived",
] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];
export const DraftStatusSchema = z.enum(DRAFT_STATUSES, {
  error: "Choose a status: draft, in review, approved, scheduled, cancelled or archived.",
});

export function isDraftStatus(value: unknown): value is DraftStatus {
  return typeof value === "string" && (DRAFT_STATUSES as readonly string[]).includes(value);
}

export const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  scheduled: "Scheduled",
  publishing: "Publishing",
  published: "Published",
  failed: "Failed",
  needs_action: "Needs action",
  cancelled: "Cancelled",
  archived: "Archived",
};

/** Statuses that hold a place on the calendar and in the queue (a cancelled or archived post frees its slot). */
export const PLANNED_STATUSES = [
  "draft",
  "in_review",
  "approved",
  "scheduled",
  "publishing",
  "failed",
  "needs_action",
] as const satisfies readonly DraftStatus[];

/** Statuses whose planned time follows the profile's clock when its time zone changes (not yet out of our hands). */
export const REPINNED_STATUSES = [
  "draft",
  "in_review",
  "approved",
  "scheduled",
  "failed",
  "needs_action",
] as const satisfies readonly DraftStatus[];

export type MemberRole = "owner" | "editor" | "viewer";
/** "system" is the publisher (no person acted). */
export type Actor = MemberRole | "system";

/** The named moves, as the UI labels its buttons. */
export const TRANSITION_ACTIONS = [
  "submit",
  "withdraw",
  "approve",
  "send_back",
  "schedule",
  "unschedule",
  "cancel",
  "restore",
  "archive",
  "unarchive",
  "retry",
  "start_publishing",
  "mark_published",
  "mark_failed",
  "mark_needs_action",
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export function isTransitionAction(value: unknown): value is TransitionAction {
  return typeof value === "string" && (TRANSITION_ACTIONS as readonly string[]).includes(value);
}

export const TRANSITION_ACTION_LABELS: Record<TransitionAction, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw from review",
  approve: "Approve",
  send_back: "Send back",
  schedule: "Schedule",
  unschedule: "Unschedule",
  cancel: "Cancel",
  restore: "Restore to draft",
  archive: "Archive",
  unarchive: "Unarchive",
  retry: "Retry",
  start_publishing: "Publishing",
  mark_published: "Published",
  mark_failed: "Failed",
  mark_needs_action: "Needs action",
};

export interface TransitionContext {
  from: DraftStatus;
  to: DraftStatus;
  actor: Actor;
  approvalsRequired: boolean;
  /** A note for the other side (required when an owner sends a post back). */
  comment?: string | null | undefined;
}

export type TransitionDecision =
  | { ok: true; action: TransitionAction; needsSchedulingCheck: boolean }
  | { ok: false; code: "FORBIDDEN" | "BAD_REQUEST"; reason: string };

const PEOPLE: readonly Actor[] = ["owner", "editor"];
const OWNER: readonly Actor[] = ["owner"];
const SYSTEM: readonly Actor[] = ["system"];

interface Rule {
  from: readonly DraftStatus[];
  to: DraftStatus;
  action: TransitionAction;
  /** Who may, with approvals off and on. */
  who: { off: readonly Actor[]; on: readonly Actor[] };
}

/**
 * The whole state machine. With approvals on, editors submit and owners approve or send back;
 * owners may schedule a draft directly (their scheduling is the approval). Unscheduling returns a
 * post to draft, so with approvals on an edited post is approved again before it goes out.
 */
const RULES: readonly Rule[] = [
  { from: ["draft"], to: "in_review", action: "submit", who: { off: [], on: PEOPLE } },
  { from: ["in_review"], to: "draft", action: "withdraw", who: { off: PEOPLE, on: ["editor"] } },
  { from: ["in_review"], to: "draft", action: "send_back", who: { off: [], on: OWNER } },
  { from: ["in_review"], to: "approved", action: "approve", who: { off: [], on: OWNER } },
  { from: ["approved"], to: "draft", action: "withdraw", who: { off: PEOPLE, on: PEOPLE } },
  {
    from: ["draft", "in_review"],
    to: "scheduled",
    action: "schedule",
    who: { off: PEOPLE, on: OWNER },
  },
  { from: ["approved"], to: "scheduled", action: "schedule", who: { off: PEOPLE, on: PEOPLE } },
  {
    from: ["failed", "needs_action"],
    to: "scheduled",
    action: "retry",
    who: { off: PEOPLE, on: PEOPLE },
  },
  {
    from: ["scheduled", "failed", "needs_action"],
    to: "draft",
    action: "unschedule",
    who: { off: PEOPLE, on: PEOPLE },
  },
  {
    from: ["draft", "in_review", "approved", "scheduled", "failed", "needs_action"],
    to: "cancelled",
    action: "cancel",
    who: { off: PEOPLE, on: PEOPLE },
  },
  { from: ["cancelled"], to: "draft", action: "restore", who: { off: PEOPLE, on: PEOPLE } },
  {
    from: ["draft", "cancelled", "published", "failed"],
    to: "archived",
    action: "archive",
    who: { off: PEOPLE, on: PEOPLE },
  },
  { from: ["archived"], to: "draft", action: "unarchive", who: { off: PEOPLE, on: PEOPLE } },
  // A reminder (or a failed post) published by hand: the person says so, with its permalink.
  { from: ["needs_action", "failed"], to: "published", action: "mark_published", who: { off: PEOPLE, on: PEOPLE } },
  // The publisher's moves (issue 11): only the system makes them.
  {
    from: ["scheduled"],
    to: "publishing",
    action: "start_publishing",
    who: { off: SYSTEM, on: SYSTEM },
  },
  {
    from: ["publishing"],
    to: "published",
    action: "mark_published",
    who: { off: SYSTEM, on: SYSTEM },
  },
  { from: ["publishing"], to: "failed", action: "mark_failed", who: { off: SYSTEM, on: SYSTEM } },
  {
    from: ["publishing"],
    to: "needs_action",
    action: "mark_needs_action",
    who: { off: SYSTEM, on: SYSTEM },
  },
  { from: ["publishing"], to: "scheduled", action: "retry", who: { off: SYSTEM, on: SYSTEM } },
];

const label = (s: DraftStatus) => DRAFT_STATUS_LABELS[s].toLowerCase();

/** Whether `actor` may move a post from `from` to `to`, and why not. */
export function decideTransition(c: TransitionContext): TransitionDecision {
  if (c.actor === "viewer")
    return { ok: false, code: "FORBIDDEN", reason: "Viewers can see posts but not change them." };
  if (c.from === c.to)
    return { ok: false, code: "BAD_REQUEST", reason: `This post is already ${label(c.to)}.` };
  const candidates = RULES.filter((r) => r.to === c.to && r.from.includes(c.from));
  if (candidates.length === 0) {
    return {
      ok: false,
      code: "BAD_REQUEST",
      reason: `A ${label(c.from)} post can't become ${label(c.to)}.`,
    };
  }
  const allowed = candidates.filter((r) =>
    (c.approvalsRequired ? r.who.on : r.who.off).includes(c.actor),
  );
  // An owner taking a post out of review is sending it back; an editor is withdrawing their submission.
  const rule = allowed.find((r) => r.action === "send_back" && c.actor === "owner") ?? allowed[0];
  if (!rule) return { ok: false, code: "FORBIDDEN", reason: refusal(c, candidates) };
  if (rule.action === "send_back" && !c.comment?.trim()) {
    return {
      ok: false,
      code: "BAD_REQUEST",
      reason: "Say what needs changing: sending a post back needs a comment for the editor.",
    };
  }
  return { ok: true, action: rule.action, needsSchedulingCheck: c.to === "scheduled" };
}

function refusal(c: TransitionContext, candidates: readonly Rule[]): string {
  if (c.actor === "system") return `Only a person can make a ${label(c.from)} post ${label(c.to)}.`;
  if (candidates.every((r) => r.who.on.every((a) => a === "system")))
    return `Only the publisher moves a post to “${DRAFT_STATUS_LABELS[c.to]}”.`;
  if (!c.approvalsRequired && c.to === "in_review")
    return "Approvals are off in this workspace: schedule the post directly.";
  if (!c.approvalsRequired && c.to === "approved")
    return "Approvals are off in this workspace: there is nothing to approve.";
  if (c.approvalsRequired && c.to === "approved") return "Only an owner can approve a post.";
  if (c.approvalsRequired && c.to === "scheduled")
    return "This workspace requires approval: submit the post for review, and an owner approves it before it is scheduled.";
  return `You can't make a ${label(c.from)} post ${label(c.to)}.`;
}

export interface AvailableTransition {
  to: DraftStatus;
  action: TransitionAction;
  label: string;
  commentRequired: boolean;
}

/** The moves a person in `actor`'s role can make from `from` (what the UI offers). */
export function availableTransitions(
  from: DraftStatus,
  actor: Actor,
  approvalsRequired: boolean,
): AvailableTransition[] {
  const out: AvailableTransition[] = [];
  for (const to of DRAFT_STATUSES) {
    const d = decideTransition({ from, to, actor, approvalsRequired, comment: "x" });
    if (d.ok)
      out.push({
        to,
        action: d.action,
        label: TRANSITION_ACTION_LABELS[d.action],
        commentRequired: d.action === "send_back",
      });
  }
  return out;
}

export interface SchedulingInput {
  platform: Platform;
  caption: string;
  format: Format | null;
  /** MIME types of the attached media, in order. */
  mediaTypes: readonly string[];
  plannedAt: Date | null;
  now: Date;
}

/** Field -> problems, named like the draft's fields so the editor shows each beside its field. */
export type SchedulingErrors = Partial<
  Record<"caption" | "media" | "plannedAt" | "format", string[]>
>;

/** What scheduling needs: a caption the platform takes, media for a visual format, a time in the future. */
export function validateForScheduling(input: SchedulingInput): {
  ok: boolean;
  errors: SchedulingErrors;
} {
  const errors: SchedulingErrors = {};
  const add = (field: keyof SchedulingErrors, message: string) =>
    (errors[field] ??= []).push(message);
  const count = countCaption(input.caption, input.platform);
  for (const p of count.problems) add("caption", p);
  const images = input.mediaTypes.filter((t) => t.startsWith("image/")).length;
  const videos = input.mediaTypes.filter((t) => t.startsWith("video/")).length;
  const platform = PLATFORM_LABELS[input.platform];
  if (input.format === "single-image" && images === 0)
    add("media", "A single-image post needs an image: add one before scheduling.");
  else if (input.format === "carousel" && input.mediaTypes.length < 2)
    add(
      "media",
      `A carousel needs at least 2 images or videos; this one has ${input.mediaTypes.length}.`,
    );
  else if (input.format === "video" && videos === 0)
    add("media", "A video post needs a video: add one before scheduling.");
  else if (input.format === "story" && input.mediaTypes.length === 0)
    add("media", "A story needs an image or a video: add one before scheduling.");
  else if (
    (input.platform === "instagram" || input.platform === "tiktok") &&
    input.mediaTypes.length === 0
  ) {
    add("media", `${platform} posts need an image or a video: add one before scheduling.`);
  }
  if (input.format === "text" && (input.platform === "instagram" || input.platform === "tiktok")) {
    add("format", `${platform} has no text-only posts: choose an image, carousel or video format.`);
  }
  if (!input.plannedAt) add("plannedAt", "Choose when the post goes out.");
  else if (input.plannedAt.getTime() <= input.now.getTime())
    add("plannedAt", "That time has passed: choose a time in the future.");
  return { ok: Object.keys(errors).length === 0, errors };
}
