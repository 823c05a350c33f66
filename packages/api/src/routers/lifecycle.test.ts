/**
 * The post lifecycle through the procedures: approvals (submit, send back with a comment, approve,
 * schedule), scheduling refusals per field, edits of a scheduled post, and the recorded history.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { openTestDatabase } from "@rapport/db/testing/open";
import { drafts, draftTransitions, eq, media, type DatabaseHandle } from "@rapport/db";
import { refusalFieldErrors } from "../services/field-errors";
import { createUser, type TestUser } from "../testing/factories";

let h: DatabaseHandle;
let olivia: TestUser; // owner
let eddie: TestUser; // editor
let ws: { id: string };
let ig: { id: string };
let fb: { id: string };
let imageId: string;

async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected a TRPCError");
}

async function join(owner: TestUser, workspaceId: string, role: "editor" | "viewer") {
  const user = await createUser(h.db);
  const invite = await owner.caller.workspace.invite({ workspaceId, email: user.user.email, role });
  await user.caller.workspace.accept({ token: invite.token });
  return user;
}

beforeAll(async () => {
  h = await openTestDatabase();
  olivia = await createUser(h.db, { name: "Olivia" });
  ws = await olivia.caller.workspace.create({ name: "Bakery" });
  eddie = await join(olivia, ws.id, "editor");
  ig = await olivia.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "instagram",
    handle: "bakery",
    displayName: "Bakery",
    timeZone: "Europe/Paris",
    followerCount: 900,
  });
  fb = await olivia.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "facebook",
    handle: "bakery",
    displayName: "Bakery",
    timeZone: "Europe/Paris",
    followerCount: 900,
  });
  const [m] = await h.db
    .insert(media)
    .values({
      workspaceId: ws.id,
      sha256: "cd".repeat(32),
      mimeType: "image/jpeg",
      byteSize: 1,
      storageKey: `cd/cd/${"cd".repeat(32)}`,
    })
    .returning();
  imageId = m!.id;
});
afterAll(() => h.close());

async function readyPost(by: TestUser, caption = "Fresh croissants at 7") {
  const d = await by.caller.draft.create({
    workspaceId: ws.id,
    profileId: ig.id,
    format: "single-image",
    caption,
    plannedLocal: "2031-05-06T09:00",
  });
  await by.caller.media.attach({ workspaceId: ws.id, draftId: d.id, mediaId: imageId });
  return by.caller.draft.get({ workspaceId: ws.id, draftId: d.id });
}

describe("approvals", () => {
  it("only an owner turns approvals on", async () => {
    expect(
      (await trpcError(eddie.caller.workspace.setApprovals({ workspaceId: ws.id, required: true })))
        .code,
    ).toBe("FORBIDDEN");
    expect(
      await olivia.caller.workspace.setApprovals({ workspaceId: ws.id, required: true }),
    ).toEqual({ approvalsRequired: true });
    expect((await eddie.caller.workspace.get({ workspaceId: ws.id })).approvalsRequired).toBe(true);
  });

  it("editor submits, owner sends back with a comment the editor sees, editor fixes, owner approves, it is scheduled", async () => {
    let d = await readyPost(eddie, "Croissants!!! Buy now!!!");
    const refused = await trpcError(
      eddie.caller.draft.transition({
        workspaceId: ws.id,
        draftId: d.id,
        to: "scheduled",
        expectedVersion: d.version,
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/requires approval: submit the post for review/);

    let t = await eddie.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "in_review",
      expectedVersion: d.version,
    });
    expect(t.status).toBe("in_review");
    expect(
      (await eddie.caller.draft.history({ workspaceId: ws.id, draftId: d.id })).available.map(
        (a) => a.action,
      ),
    ).toEqual(["withdraw", "cancel"]);
    expect(
      (await olivia.caller.draft.history({ workspaceId: ws.id, draftId: d.id })).available
        .map((a) => a.action)
        .sort(),
    ).toEqual(["approve", "cancel", "schedule", "send_back"]);

    const noComment = await trpcError(
      olivia.caller.draft.transition({
        workspaceId: ws.id,
        draftId: d.id,
        to: "draft",
        expectedVersion: t.version,
      }),
    );
    expect(noComment.code).toBe("BAD_REQUEST");
    t = await olivia.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "draft",
      comment: "Calmer caption, please: no shouting.",
      expectedVersion: t.version,
    });
    expect(t.transition.action).toBe("send_back");

    const history = await eddie.caller.draft.history({ workspaceId: ws.id, draftId: d.id });
    const sentBack = history.entries.at(-1);
    expect(sentBack).toMatchObject({
      fromStatus: "in_review",
      toStatus: "draft",
      action: "send_back",
      summary: "Sent back to draft",
      comment: "Calmer caption, please: no shouting.",
    });
    expect(sentBack?.actor?.name).toBe("Olivia");

    const saved = await eddie.caller.draft.update({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: t.version,
      caption: "Croissants out of the oven at 7.",
    });
    if (saved.status !== "saved") throw new Error("expected a save");
    t = await eddie.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "in_review",
      expectedVersion: saved.draft.version,
    });
    t = await olivia.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "approved",
      expectedVersion: t.version,
    });
    t = await eddie.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "scheduled",
      expectedVersion: t.version,
    });
    expect(t.status).toBe("scheduled");

    d = await eddie.caller.draft.get({ workspaceId: ws.id, draftId: d.id });
    expect(d.status).toBe("scheduled");
    const entries = (await olivia.caller.draft.history({ workspaceId: ws.id, draftId: d.id }))
      .entries;
    expect(entries.map((e) => [e.fromStatus, e.toStatus, e.action])).toEqual([
      [null, "draft", null],
      ["draft", "in_review", "submit"],
      ["in_review", "draft", "send_back"],
      ["draft", "in_review", "submit"],
      ["in_review", "approved", "approve"],
      ["approved", "scheduled", "schedule"],
    ]);
    expect(entries.map((e) => e.actor?.userId)).toEqual([
      eddie.user.id,
      eddie.user.id,
      olivia.user.id,
      eddie.user.id,
      olivia.user.id,
      eddie.user.id,
    ]);
  });

  it("with approvals off, editors schedule directly and review is not offered", async () => {
    await olivia.caller.workspace.setApprovals({ workspaceId: ws.id, required: false });
    const d = await readyPost(eddie);
    expect(
      (
        await trpcError(
          eddie.caller.draft.transition({
            workspaceId: ws.id,
            draftId: d.id,
            to: "in_review",
            expectedVersion: d.version,
          }),
        )
      ).message,
    ).toBe("Approvals are off in this workspace: schedule the post directly.");
    const t = await eddie.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "scheduled",
      expectedVersion: d.version,
    });
    expect(t.status).toBe("scheduled");
  });
});

describe("scheduling checks", () => {
  it("refuses with a message per field and changes nothing", async () => {
    const d = await olivia.caller.draft.create({
      workspaceId: ws.id,
      profileId: ig.id,
      format: "single-image",
      caption: `${"#tag ".repeat(31)}`,
      plannedLocal: "2020-05-06T09:00",
    });
    const before = await h.db
      .select()
      .from(draftTransitions)
      .where(eq(draftTransitions.draftId, d.id));
    const e = await trpcError(
      olivia.caller.draft.transition({
        workspaceId: ws.id,
        draftId: d.id,
        to: "scheduled",
        expectedVersion: d.version,
      }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(refusalFieldErrors(e)).toEqual({
      caption: ["Instagram allows 30 hashtags; this caption has 31."],
      media: ["A single-image post needs an image: add one before scheduling."],
      plannedAt: ["That time has passed: choose a time in the future."],
    });
    const [row] = await h.db.select().from(drafts).where(eq(drafts.id, d.id));
    expect(row).toMatchObject({ status: "draft", version: d.version });
    expect(
      await h.db.select().from(draftTransitions).where(eq(draftTransitions.draftId, d.id)),
    ).toEqual(before);
  });

  it("asks for a time before scheduling", async () => {
    const d = await olivia.caller.draft.create({
      workspaceId: ws.id,
      profileId: fb.id,
      caption: "Open on Sunday",
    });
    const e = await trpcError(
      olivia.caller.draft.transition({
        workspaceId: ws.id,
        draftId: d.id,
        to: "scheduled",
        expectedVersion: d.version,
      }),
    );
    expect(refusalFieldErrors(e)).toEqual({ plannedAt: ["Choose when the post goes out."] });
  });
});

describe("a scheduled post", () => {
  it("stays scheduled through edits, each bumping its version; a second tab still gets the conflict view", async () => {
    const d = await readyPost(olivia);
    const t = await olivia.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "scheduled",
      expectedVersion: d.version,
    });
    const tabA = await olivia.caller.draft.update({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: t.version,
      caption: "Croissants at 7, pains au chocolat at 8",
    });
    expect(tabA.status).toBe("saved");
    if (tabA.status !== "saved") return;
    expect(tabA.draft).toMatchObject({ status: "scheduled", version: t.version + 1 });
    const tabB = await olivia.caller.draft.update({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: t.version,
      caption: "Other tab",
    });
    expect(tabB.status).toBe("conflict");
    const stale = await trpcError(
      olivia.caller.draft.transition({
        workspaceId: ws.id,
        draftId: d.id,
        to: "draft",
        expectedVersion: t.version,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("refuses an edit that would make it unpublishable, keeping the saved version", async () => {
    const d = await readyPost(olivia);
    const t = await olivia.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "scheduled",
      expectedVersion: d.version,
    });
    const e = await trpcError(
      olivia.caller.draft.update({
        workspaceId: ws.id,
        draftId: d.id,
        expectedVersion: t.version,
        caption: "a".repeat(2201),
      }),
    );
    expect(refusalFieldErrors(e).caption).toEqual([
      "Instagram allows 2,200 characters; this caption has 2,201 (1 too many).",
    ]);
    const [row] = await h.db.select().from(drafts).where(eq(drafts.id, d.id));
    expect(row).toMatchObject({
      version: t.version,
      caption: "Fresh croissants at 7",
      status: "scheduled",
    });
  });

  it("can be unscheduled, cancelled and restored, each move recorded", async () => {
    const d = await readyPost(olivia);
    let t = await olivia.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "scheduled",
      expectedVersion: d.version,
    });
    expect(
      (
        await trpcError(
          eddie.caller.draft.transition({
            workspaceId: ws.id,
            draftId: d.id,
            to: "publishing",
            expectedVersion: t.version,
          }),
        )
      ).message,
    ).toBe("Only the publisher moves a post to “Publishing”.");
    t = await eddie.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "draft",
      expectedVersion: t.version,
    });
    t = await eddie.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "cancelled",
      expectedVersion: t.version,
    });
    t = await eddie.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "draft",
      expectedVersion: t.version,
    });
    const summaries = (
      await olivia.caller.draft.history({ workspaceId: ws.id, draftId: d.id })
    ).entries.map((e) => e.summary);
    expect(summaries).toEqual([
      "Created as draft",
      "Scheduled",
      "Unscheduled",
      "Cancelled",
      "Restored to draft",
    ]);
    expect(t.status).toBe("draft");
  });

  it("keeps the image its format needs, and can be deleted", async () => {
    const d = await readyPost(olivia);
    await olivia.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "scheduled",
      expectedVersion: d.version,
    });
    const e = await trpcError(
      olivia.caller.media.detach({ workspaceId: ws.id, draftId: d.id, mediaId: imageId }),
    );
    expect(refusalFieldErrors(e).media).toEqual([
      "A single-image post needs an image: add one before scheduling.",
    ]);
    expect(
      (await olivia.caller.draft.get({ workspaceId: ws.id, draftId: d.id })).media.map((m) => m.id),
    ).toEqual([imageId]);
    expect(await olivia.caller.draft.delete({ workspaceId: ws.id, draftId: d.id })).toEqual({
      deleted: true,
    });
    expect(
      await h.db.select().from(draftTransitions).where(eq(draftTransitions.draftId, d.id)),
    ).toEqual([]);
  });
});
