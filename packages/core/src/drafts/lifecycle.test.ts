import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  availableTransitions,
  decideTransition,
  DRAFT_STATUSES,
  isDraftStatus,
  validateForScheduling,
  type Actor,
  type DraftStatus,
} from "./lifecycle";

const may = (
  from: DraftStatus,
  to: DraftStatus,
  actor: Actor,
  approvalsRequired: boolean,
  comment?: string,
) => decideTransition({ from, to, actor, approvalsRequired, comment });

describe("the lifecycle's rules", () => {
  it.each([
    // from, to, actor, approvals, allowed, action
    ["draft", "scheduled", "editor", false, true, "schedule"],
    ["draft", "scheduled", "owner", false, true, "schedule"],
    ["draft", "in_review", "editor", false, false, null],
    ["draft", "scheduled", "editor", true, false, null],
    ["draft", "in_review", "editor", true, true, "submit"],
    ["in_review", "approved", "editor", true, false, null],
    ["in_review", "approved", "owner", true, true, "approve"],
    ["in_review", "draft", "editor", true, true, "withdraw"],
    ["approved", "scheduled", "editor", true, true, "schedule"],
    ["draft", "scheduled", "owner", true, true, "schedule"],
    ["scheduled", "draft", "editor", true, true, "unschedule"],
    ["scheduled", "cancelled", "editor", false, true, "cancel"],
    ["cancelled", "draft", "editor", false, true, "restore"],
    ["scheduled", "publishing", "system", false, true, "start_publishing"],
    ["scheduled", "publishing", "owner", false, false, null],
    ["publishing", "published", "system", true, true, "mark_published"],
    ["published", "draft", "owner", false, false, null],
    ["failed", "scheduled", "editor", true, true, "retry"],
    ["needs_action", "published", "editor", true, true, "mark_published"],
    ["needs_action", "published", "viewer", false, false, null],
    ["draft", "scheduled", "system", false, false, null],
  ] as const)(
    "%s -> %s by %s (approvals %s): %s",
    (from, to, actor, approvals, allowed, action) => {
      const d = may(from, to, actor, approvals);
      expect(d.ok).toBe(allowed);
      if (d.ok) expect(d.action).toBe(action);
    },
  );

  it("needs a comment when an owner sends a post back, and calls it sending back", () => {
    const without = may("in_review", "draft", "owner", true);
    expect(without).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(!without.ok && without.reason).toMatch(/needs a comment/);
    expect(may("in_review", "draft", "owner", true, "Shorter caption please")).toMatchObject({
      ok: true,
      action: "send_back",
    });
  });

  it("says why, in words: viewers, approvals, the publisher's moves", () => {
    const reason = (d: ReturnType<typeof may>) => (d.ok ? null : d.reason);
    expect(reason(may("draft", "scheduled", "viewer", false))).toBe(
      "Viewers can see posts but not change them.",
    );
    expect(may("draft", "scheduled", "viewer", false)).toMatchObject({ code: "FORBIDDEN" });
    expect(reason(may("draft", "scheduled", "editor", true))).toMatch(
      /requires approval: submit the post for review/,
    );
    expect(reason(may("in_review", "approved", "editor", true))).toBe(
      "Only an owner can approve a post.",
    );
    expect(reason(may("publishing", "published", "owner", false))).toBe(
      "Only the publisher moves a post to “Published”.",
    );
    expect(reason(may("draft", "draft", "owner", false))).toBe("This post is already draft.");
  });

  it("viewers can do nothing from any status, and nobody moves a post to the status it has", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DRAFT_STATUSES),
        fc.constantFrom(...DRAFT_STATUSES),
        fc.boolean(),
        (from, to, approvals) => {
          expect(may(from, to, "viewer", approvals).ok).toBe(false);
          expect(may(from, from, "owner", approvals).ok).toBe(false);
        },
      ),
    );
  });

  it("with approvals on, an editor can never reach scheduled without an approved post", () => {
    for (const from of DRAFT_STATUSES) {
      const d = may(from, "scheduled", "editor", true);
      if (d.ok) expect(["approved", "failed", "needs_action"]).toContain(from);
    }
  });

  it("offers each role the moves it can make", () => {
    expect(availableTransitions("draft", "editor", true).map((t) => t.action)).toEqual([
      "submit",
      "cancel",
      "archive",
    ]);
    expect(
      availableTransitions("in_review", "owner", true)
        .map((t) => t.action)
        .sort(),
    ).toEqual(["approve", "cancel", "schedule", "send_back"]);
    expect(
      availableTransitions("in_review", "owner", true).find((t) => t.action === "send_back")
        ?.commentRequired,
    ).toBe(true);
    expect(availableTransitions("scheduled", "viewer", false)).toEqual([]);
    expect(isDraftStatus("needs_action")).toBe(true);
    expect(isDraftStatus("label")).toBe(false);
  });
});

describe("validateForScheduling", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  const ok = {
    platform: "instagram" as const,
    caption: "Hello",
    format: "single-image" as const,
    mediaTypes: ["image/jpeg"],
    plannedAt: new Date("2026-06-02T10:00:00Z"),
    now,
  };

  it("passes a post that is ready", () =>
    expect(validateForScheduling(ok)).toEqual({ ok: true, errors: {} }));

  it("names each problem beside its field", () => {
    const r = validateForScheduling({
      ...ok,
      platform: "x",
      caption: "a".repeat(281),
      mediaTypes: [],
      plannedAt: new Date("2026-05-31T10:00:00Z"),
    });
    expect(r.ok).toBe(false);
    expect(r.errors.caption).toEqual([
      "X allows 280 weighted characters; this caption has 281 (1 too many).",
    ]);
    expect(r.errors.media).toEqual([
      "A single-image post needs an image: add one before scheduling.",
    ]);
    expect(r.errors.plannedAt).toEqual(["That time has passed: choose a time in the future."]);
  });

  it.each([
    ["carousel", ["image/png"], "A carousel needs at least 2 images or videos; this one has 1."],
    ["video", ["image/png"], "A video post needs a video: add one before scheduling."],
    ["story", [], "A story needs an image or a video: add one before scheduling."],
    [null, [], "Instagram posts need an image or a video: add one before scheduling."],
  ] as const)("%s with %j: %s", (format, mediaTypes, message) => {
    expect(validateForScheduling({ ...ok, format, mediaTypes }).errors.media).toEqual([message]);
  });

  it("lets a text post go out without media where the platform takes text, and asks for a time", () => {
    expect(
      validateForScheduling({ ...ok, platform: "linkedin", format: "text", mediaTypes: [] }).ok,
    ).toBe(true);
    expect(
      validateForScheduling({
        ...ok,
        platform: "instagram",
        format: "text",
        mediaTypes: ["image/png"],
      }).errors.format,
    ).toHaveLength(1);
    expect(validateForScheduling({ ...ok, plannedAt: null }).errors.plannedAt).toEqual([
      "Choose when the post goes out.",
    ]);
    expect(validateForScheduling({ ...ok, plannedAt: now }).errors.plannedAt).toHaveLength(1);
  });
});
