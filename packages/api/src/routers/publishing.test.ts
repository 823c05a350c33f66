import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { openTestDatabase } from "@rapport/db/testing/open";
import { drafts, eq, notifications, posts, type DatabaseHandle } from "@rapport/db";
import { createUser, type TestUser } from "../testing/factories";
import { transitionDraft } from "../services/draft-lifecycle";
import { configurePublishing } from "../services/publishing/config";
import { scheduleDraft } from "../services/publishing/testing";

let h: DatabaseHandle;
let owner: TestUser;
let viewer: TestUser;
let ws: { id: string };
let profile: { id: string };

async function refusal(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** A post whose reminder came due: scheduled, then moved by the publisher to needs action. */
async function dueReminder(): Promise<string> {
  const now = new Date(Date.now() - 3600_000);
  const d = await scheduleDraft(h.db, {
    workspaceId: ws.id,
    profileId: profile.id,
    userId: owner.user.id,
    plannedAt: new Date(now.getTime() + 60_000),
    now,
  });
  await h.db.transaction(async (tx) => {
    await transitionDraft(tx, {
      workspaceId: ws.id,
      draftId: d.id,
      to: "publishing",
      actorUserId: null,
    });
    await transitionDraft(tx, {
      workspaceId: ws.id,
      draftId: d.id,
      to: "needs_action",
      actorUserId: null,
    });
    await tx
      .insert(notifications)
      .values({
        workspaceId: ws.id,
        userId: owner.user.id,
        kind: "reminder",
        title: "Time to post",
        draftId: d.id,
      });
  });
  return d.id;
}

beforeAll(async () => {
  h = await openTestDatabase();
  configurePublishing({ allowPrivateWebhooks: false, log: { info: () => {}, error: () => {} } });
  owner = await createUser(h.db);
  viewer = await createUser(h.db);
  ws = await owner.caller.workspace.create({ name: "Bistro" });
  profile = await owner.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "instagram",
    handle: "bistro",
    displayName: "Bistro",
    timeZone: "Europe/Lisbon",
    followerCount: 10,
  });
  const { token } = await owner.caller.workspace.invite({
    workspaceId: ws.id,
    email: viewer.user.email,
    role: "viewer",
  });
  await viewer.caller.workspace.accept({ token });
});
afterAll(() => h.close());

describe("publishing procedures", () => {
  it("marks a due reminder published with its permalink, and clears its notification", async () => {
    // Instagram needs media to be scheduled: use a Facebook profile for this reminder.
    const fb = await owner.caller.socialProfile.create({
      workspaceId: ws.id,
      platform: "facebook",
      handle: "bistro.fb",
      displayName: "Bistro",
      timeZone: "Europe/Lisbon",
      followerCount: 10,
    });
    profile = fb;
    const id = await dueReminder();
    expect(await owner.caller.notification.unreadCount({ workspaceId: ws.id })).toEqual({
      unread: 1,
    });
    const wrong = await refusal(
      owner.caller.publishing.markPublished({
        workspaceId: ws.id,
        draftId: id,
        permalink: "https://www.instagram.com/p/C8abc123XyZ/",
      }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.message).toMatch(/^This is not a Facebook link/);
    expect(
      (await h.db.select({ s: drafts.status }).from(drafts).where(eq(drafts.id, id)))[0]!.s,
    ).toBe("needs_action");
    const r = await owner.caller.publishing.markPublished({
      workspaceId: ws.id,
      draftId: id,
      permalink: "https://www.facebook.com/bistro.fb/posts/pfbid02abc",
    });
    expect(r).toMatchObject({
      status: "published",
      permalink: "https://www.facebook.com/bistro.fb/posts/pfbid02abc",
    });
    expect(await owner.caller.notification.unreadCount({ workspaceId: ws.id })).toEqual({
      unread: 0,
    });
    const page = await owner.caller.publishing.reminder({ workspaceId: ws.id, draftId: id });
    expect(page.publication).toMatchObject({
      method: "reminder",
      permalink: "https://www.facebook.com/bistro.fb/posts/pfbid02abc",
    });
  });

  it("waits for the live post's metrics, then shows predicted beside actual on the same denominator", async () => {
    const id = await dueReminder();
    const prediction = { rate: { low: 0.02, expected: 0.035, high: 0.05, denominator: "reach", n: 120, level: 0.8, label: "" }, bandLabel: "Above your usual" };
    await h.db.update(drafts).set({ score: 71, scoreBand: "good", scoreDetails: prediction }).where(eq(drafts.id, id));
    const link = "https://www.facebook.com/bistro.fb/posts/pfbid0results";
    await owner.caller.publishing.markPublished({ workspaceId: ws.id, draftId: id, permalink: link });
    expect((await owner.caller.publishing.reminder({ workspaceId: ws.id, draftId: id })).results).toEqual({ state: "waiting", permalink: link });
    // The metrics arrive later (an import): matched by the permalink.
    await h.db.insert(posts).values({ workspaceId: ws.id, profileId: profile.id, externalId: "fb-results", publishedAt: new Date(), reach: 1000, likes: 40, comments: 5, extra: { permalink: link } });
    const r = (await owner.caller.publishing.reminder({ workspaceId: ws.id, draftId: id })).results;
    expect(r).toMatchObject({
      state: "measured",
      predicted: { score: 71, band: "Above your usual", rate: { low: 0.02, expected: 0.035, high: 0.05, n: 120 } },
      actual: { interactions: 45, denominatorValue: 1000, rate: 0.045 },
      denominator: "reach",
      inRange: true,
    });
  });

  it("lets a viewer read a reminder but not mark it published", async () => {
    const id = await dueReminder();
    await expect(
      viewer.caller.publishing.reminder({ workspaceId: ws.id, draftId: id }),
    ).resolves.toMatchObject({ status: "needs_action" });
    expect(
      (
        await refusal(
          viewer.caller.publishing.markPublished({
            workspaceId: ws.id,
            draftId: id,
            permalink: "https://www.facebook.com/bistro.fb/posts/x",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("refuses a webhook URL on a private address, and a webhook without URL, with a sentence", async () => {
    const priv = await refusal(
      owner.caller.publishing.updateSettings({
        workspaceId: ws.id,
        profileId: profile.id,
        method: "webhook",
        webhookUrl: "http://192.168.1.20/hook",
      }),
    );
    expect(priv.message).toContain("192.168.1.20 is a loopback or private network address");
    const none = await refusal(
      owner.caller.publishing.updateSettings({
        workspaceId: ws.id,
        profileId: profile.id,
        method: "webhook",
        webhookUrl: "",
      }),
    );
    expect(none.message).toBe("Enter the webhook URL that should receive this profile's posts.");
    expect(
      (await owner.caller.publishing.settings({ workspaceId: ws.id, profileId: profile.id }))
        .method,
    ).toBe("reminder");
  });

  it("rotates the secret and keeps the previous one signing for a day; viewers never see it", async () => {
    configurePublishing({ allowPrivateWebhooks: true, log: { info: () => {}, error: () => {} } });
    const s = await owner.caller.publishing.updateSettings({
      workspaceId: ws.id,
      profileId: profile.id,
      method: "webhook",
      webhookUrl: "http://127.0.0.1:9/hook",
    });
    expect(s.webhookSecret).toMatch(/^whsec_/);
    const r = await owner.caller.publishing.rotateSecret({
      workspaceId: ws.id,
      profileId: profile.id,
    });
    expect(r.webhookSecret).not.toBe(s.webhookSecret);
    expect(r.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(
      (await viewer.caller.publishing.settings({ workspaceId: ws.id, profileId: profile.id }))
        .webhookSecret,
    ).toBeNull();
  });
});
