/**
 * Tenancy: a member of workspace A gets an error for every read or write of workspace B, and B's
 * rows are unchanged afterwards. The table below must name every workspace-scoped procedure: a new
 * procedure without an entry fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { openTestDatabase } from "@rapport/db/testing/open";
import {
  memberships,
  socialProfiles,
  workspaces,
  invitations,
  type DatabaseHandle,
} from "@rapport/db";
import { contentTypes, draftMedia, drafts, eq, media, posts } from "@rapport/db";
import { draftTransitions, imports, postingSlots } from "@rapport/db";
import { calendarFeeds, draftPublications, notifications, publishingSettings, webhookDeliveries } from "@rapport/db";
import { appRouter } from "./root";
import { createUser, type TestUser } from "./testing/factories";

let h: DatabaseHandle;
let mallory: TestUser; // owner of A
let bob: TestUser; // owner of B
let a: { id: string };
let b: { id: string };
let bProfileId: string;
let bobInviteId: string;
let bDraftId: string;
let aDraftId: string;
let bMediaId: string;
let bPostId: string;
let bImportId: string;
let bSlotId: string;
let vera: TestUser; // viewer of B

beforeAll(async () => {
  h = await openTestDatabase();
  mallory = await createUser(h.db);
  bob = await createUser(h.db);
  a = await mallory.caller.workspace.create({ name: "A" });
  b = await bob.caller.workspace.create({ name: "B" });
  const profile = await bob.caller.socialProfile.create({
    workspaceId: b.id,
    platform: "instagram",
    handle: "bee",
    displayName: "Bee",
    timeZone: "UTC",
    followerCount: 10,
  });
  bProfileId = profile.id;
  await bob.caller.workspace.invite({
    workspaceId: b.id,
    email: "friend@example.com",
    role: "viewer",
  });
  const [inv] = await h.db.select().from(invitations);
  bobInviteId = inv!.id;
  bDraftId = (
    await bob.caller.draft.create({
      workspaceId: b.id,
      profileId: bProfileId,
      caption: "Bee's draft",
    })
  ).id;
  const aProfile = await mallory.caller.socialProfile.create({
    workspaceId: a.id,
    ...profileInput,
  });
  aDraftId = (await mallory.caller.draft.create({ workspaceId: a.id, profileId: aProfile.id })).id;
  const [m] = await h.db
    .insert(media)
    .values({
      workspaceId: b.id,
      sha256: "ab".repeat(32),
      mimeType: "image/png",
      byteSize: 1,
      storageKey: `ab/ab/${"ab".repeat(32)}`,
    })
    .returning();
  bMediaId = m!.id;
  await bob.caller.media.attach({ workspaceId: b.id, draftId: bDraftId, mediaId: bMediaId });
  const [p] = await h.db
    .insert(posts)
    .values({ workspaceId: b.id, profileId: bProfileId, externalId: "b1", caption: "Bee's post" })
    .returning();
  bPostId = p!.id;
  const [imp] = await h.db
    .insert(imports)
    .values({
      workspaceId: b.id,
      profileId: bProfileId,
      kind: "uci-csv",
      fileName: "b.csv",
      fileBytes: 1,
      storageKey: "00000000-0000-4000-8000-000000000000",
      status: "previewed",
    })
    .returning();
  bImportId = imp!.id;
  bSlotId = (
    await bob.caller.slots.create({
      workspaceId: b.id,
      profileId: bProfileId,
      weekday: 0,
      localTime: "09:00",
    })
  ).id;
  vera = await createUser(h.db);
  const invite = await bob.caller.workspace.invite({
    workspaceId: b.id,
    email: vera.user.email,
    role: "viewer",
  });
  await vera.caller.workspace.accept({ token: invite.token });
});
afterAll(() => h.close());

type Attempt = (c: TestUser["caller"]) => Promise<unknown>;

const profileInput = {
  platform: "x" as const,
  handle: "m",
  displayName: "m",
  timeZone: "UTC",
  followerCount: 1,
};

const crossWorkspaceAttempts: Record<string, Attempt> = {
  "workspace.get": (c) => c.workspace.get({ workspaceId: b.id }),
  "workspace.rename": (c) => c.workspace.rename({ workspaceId: b.id, name: "pwned" }),
  "workspace.members": (c) => c.workspace.members({ workspaceId: b.id }),
  "workspace.invite": (c) =>
    c.workspace.invite({ workspaceId: b.id, email: "m@example.com", role: "owner" }),
  "workspace.revokeInvitation": (c) =>
    c.workspace.revokeInvitation({ workspaceId: b.id, invitationId: bobInviteId }),
  "workspace.changeRole": (c) =>
    c.workspace.changeRole({ workspaceId: b.id, userId: bob.user.id, role: "viewer" }),
  "workspace.removeMember": (c) =>
    c.workspace.removeMember({ workspaceId: b.id, userId: bob.user.id }),
  "socialProfile.list": (c) => c.socialProfile.list({ workspaceId: b.id }),
  "socialProfile.get": (c) => c.socialProfile.get({ workspaceId: b.id, profileId: bProfileId }),
  "socialProfile.create": (c) => c.socialProfile.create({ workspaceId: b.id, ...profileInput }),
  "socialProfile.update": (c) =>
    c.socialProfile.update({ workspaceId: b.id, profileId: bProfileId, ...profileInput }),
  "socialProfile.delete": (c) =>
    c.socialProfile.delete({ workspaceId: b.id, profileId: bProfileId }),
  "draft.list": (c) => c.draft.list({ workspaceId: b.id }),
  "draft.labels": (c) => c.draft.labels({ workspaceId: b.id }),
  "draft.get": (c) => c.draft.get({ workspaceId: b.id, draftId: bDraftId }),
  "draft.scoringInput": (c) => c.draft.scoringInput({ workspaceId: b.id, profileId: bProfileId }),
  "draft.create": (c) =>
    c.draft.create({ workspaceId: b.id, profileId: bProfileId, caption: "pwned" }),
  "draft.update": (c) =>
    c.draft.update({ workspaceId: b.id, draftId: bDraftId, expectedVersion: 1, caption: "pwned" }),
  "draft.duplicate": (c) => c.draft.duplicate({ workspaceId: b.id, draftId: bDraftId }),
  "draft.fromPost": (c) => c.draft.fromPost({ workspaceId: b.id, postId: bPostId }),
  "draft.delete": (c) => c.draft.delete({ workspaceId: b.id, draftId: bDraftId }),
  "media.get": (c) => c.media.get({ workspaceId: b.id, mediaId: bMediaId }),
  "media.uploadTarget": (c) => c.media.uploadTarget({ workspaceId: b.id, draftId: bDraftId }),
  "media.attach": (c) =>
    c.media.attach({ workspaceId: b.id, draftId: bDraftId, mediaId: bMediaId }),
  "media.reorder": (c) =>
    c.media.reorder({ workspaceId: b.id, draftId: bDraftId, mediaIds: [bMediaId] }),
  "media.detach": (c) =>
    c.media.detach({ workspaceId: b.id, draftId: bDraftId, mediaId: bMediaId }),
  "contentType.list": (c) => c.contentType.list({ workspaceId: b.id }),
  "contentType.create": (c) => c.contentType.create({ workspaceId: b.id, label: "pwned" }),
  "contentType.rename": (c) =>
    c.contentType.rename({ workspaceId: b.id, key: "offer", label: "pwned" }),
  "contentType.setArchived": (c) =>
    c.contentType.setArchived({ workspaceId: b.id, key: "offer", archived: true }),
  "import.list": (c) => c.import.list({ workspaceId: b.id }),
  "import.status": (c) => c.import.status({ workspaceId: b.id, importId: bImportId }),
  "import.commit": (c) => c.import.commit({ workspaceId: b.id, importId: bImportId }),
  "import.cancel": (c) => c.import.cancel({ workspaceId: b.id, importId: bImportId }),
  "import.dismiss": (c) => c.import.dismiss({ workspaceId: b.id, importId: bImportId }),
  "import.rejections": (c) => c.import.rejections({ workspaceId: b.id, importId: bImportId }),
  "import.mappings": (c) => c.import.mappings({ workspaceId: b.id }),
  "import.saveMapping": (c) =>
    c.import.saveMapping({
      workspaceId: b.id,
      name: "pwned",
      mapping: { columns: {}, platform: "x" },
    }),
  "post.list": (c) => c.post.list({ workspaceId: b.id }),
  "post.export": (c) => c.post.export({ workspaceId: b.id }),
  "post.top": (c) => c.post.top({ workspaceId: b.id }),
  "post.setContentType": (c) =>
    c.post.setContentType({ workspaceId: b.id, postId: bPostId, contentType: "offer" }),
  "post.addManual": (c) =>
    c.post.addManual({
      workspaceId: b.id,
      profileId: bProfileId,
      publishedAt: "2026-01-01T10:00:00Z",
      likes: 1,
    }),
  "insights.get": (c) => c.insights.get({ workspaceId: b.id }),
  "workspace.setApprovals": (c) => c.workspace.setApprovals({ workspaceId: b.id, required: true }),
  "draft.transition": (c) =>
    c.draft.transition({
      workspaceId: b.id,
      draftId: bDraftId,
      to: "cancelled",
      expectedVersion: 1,
    }),
  "draft.history": (c) => c.draft.history({ workspaceId: b.id, draftId: bDraftId }),
  "draft.reschedule": (c) =>
    c.draft.reschedule({
      workspaceId: b.id,
      draftId: bDraftId,
      expectedVersion: 1,
      localDate: "2031-01-06",
      localTime: "09:00",
    }),
  "draft.addToQueue": (c) =>
    c.draft.addToQueue({ workspaceId: b.id, draftId: bDraftId, expectedVersion: 1 }),
  "calendar.range": (c) =>
    c.calendar.range({
      workspaceId: b.id,
      from: new Date("2031-01-01T00:00:00Z"),
      to: new Date("2031-01-31T00:00:00Z"),
    }),
  "calendar.bestSlots": (c) => c.calendar.bestSlots({ workspaceId: b.id, profileId: bProfileId }),
  "calendar.grid": (c) => c.calendar.grid({ workspaceId: b.id, profileId: bProfileId }),
  "slots.list": (c) => c.slots.list({ workspaceId: b.id }),
  "slots.create": (c) =>
    c.slots.create({ workspaceId: b.id, profileId: bProfileId, weekday: 1, localTime: "18:00" }),
  "slots.update": (c) =>
    c.slots.update({ workspaceId: b.id, slotId: bSlotId, weekday: 2, localTime: "19:00" }),
  "slots.delete": (c) => c.slots.delete({ workspaceId: b.id, slotId: bSlotId }),
  "slots.suggest": (c) => c.slots.suggest({ workspaceId: b.id, profileId: bProfileId }),
  "home.thisWeek": (c) => c.home.thisWeek({ workspaceId: b.id }),
  ...publishingAttempts(() => b.id),
  "publishing.outbox": (c) => c.publishing.outbox({ workspaceId: b.id }),
  "publishing.feeds": (c) => c.publishing.feeds({ workspaceId: b.id }),
  "notification.list": (c) => c.notification.list({ workspaceId: b.id }),
  "notification.unreadCount": (c) => c.notification.unreadCount({ workspaceId: b.id }),
  "notification.markRead": (c) => c.notification.markRead({ workspaceId: b.id, ids: null }),
};

/** Attempts that name A (the caller's own workspace) but a row of B. */
const crossRowAttempts: Record<string, Attempt> = {
  "socialProfile.get": (c) => c.socialProfile.get({ workspaceId: a.id, profileId: bProfileId }),
  "socialProfile.update": (c) =>
    c.socialProfile.update({ workspaceId: a.id, profileId: bProfileId, ...profileInput }),
  "socialProfile.delete": (c) =>
    c.socialProfile.delete({ workspaceId: a.id, profileId: bProfileId }),
  "draft.get": (c) => c.draft.get({ workspaceId: a.id, draftId: bDraftId }),
  "draft.scoringInput": (c) => c.draft.scoringInput({ workspaceId: a.id, profileId: bProfileId }),
  "draft.create": (c) =>
    c.draft.create({ workspaceId: a.id, profileId: bProfileId, caption: "pwned" }),
  "draft.update": (c) =>
    c.draft.update({ workspaceId: a.id, draftId: bDraftId, expectedVersion: 1, caption: "pwned" }),
  "draft.duplicate": (c) => c.draft.duplicate({ workspaceId: a.id, draftId: bDraftId }),
  "draft.fromPost": (c) => c.draft.fromPost({ workspaceId: a.id, postId: bPostId }),
  "draft.delete": (c) => c.draft.delete({ workspaceId: a.id, draftId: bDraftId }),
  "media.get": (c) => c.media.get({ workspaceId: a.id, mediaId: bMediaId }),
  "media.uploadTarget": (c) => c.media.uploadTarget({ workspaceId: a.id, draftId: bDraftId }),
  "media.attach": (c) =>
    c.media.attach({ workspaceId: a.id, draftId: aDraftId, mediaId: bMediaId }),
  "media.reorder": (c) =>
    c.media.reorder({ workspaceId: a.id, draftId: bDraftId, mediaIds: [bMediaId] }),
  "media.detach": (c) =>
    c.media.detach({ workspaceId: a.id, draftId: bDraftId, mediaId: bMediaId }),
  "workspace.revokeInvitation": (c) =>
    c.workspace.revokeInvitation({ workspaceId: a.id, invitationId: bobInviteId }),
  "workspace.changeRole": (c) =>
    c.workspace.changeRole({ workspaceId: a.id, userId: bob.user.id, role: "viewer" }),
  "workspace.removeMember": (c) =>
    c.workspace.removeMember({ workspaceId: a.id, userId: bob.user.id }),
  "import.status": (c) => c.import.status({ workspaceId: a.id, importId: bImportId }),
  "import.commit": (c) => c.import.commit({ workspaceId: a.id, importId: bImportId }),
  "import.cancel": (c) => c.import.cancel({ workspaceId: a.id, importId: bImportId }),
  "import.dismiss": (c) => c.import.dismiss({ workspaceId: a.id, importId: bImportId }),
  "import.rejections": (c) => c.import.rejections({ workspaceId: a.id, importId: bImportId }),
  "post.setContentType": (c) =>
    c.post.setContentType({ workspaceId: a.id, postId: bPostId, contentType: "offer" }),
  "post.addManual": (c) =>
    c.post.addManual({
      workspaceId: a.id,
      profileId: bProfileId,
      publishedAt: "2026-01-01T10:00:00Z",
      likes: 1,
    }),
  "draft.transition": (c) =>
    c.draft.transition({
      workspaceId: a.id,
      draftId: bDraftId,
      to: "cancelled",
      expectedVersion: 1,
    }),
  "draft.history": (c) => c.draft.history({ workspaceId: a.id, draftId: bDraftId }),
  "draft.reschedule": (c) =>
    c.draft.reschedule({
      workspaceId: a.id,
      draftId: bDraftId,
      expectedVersion: 1,
      localDate: "2031-01-06",
      localTime: "09:00",
    }),
  "draft.addToQueue": (c) =>
    c.draft.addToQueue({ workspaceId: a.id, draftId: bDraftId, expectedVersion: 1 }),
  "calendar.bestSlots": (c) => c.calendar.bestSlots({ workspaceId: a.id, profileId: bProfileId }),
  "calendar.grid": (c) => c.calendar.grid({ workspaceId: a.id, profileId: bProfileId }),
  "slots.create": (c) =>
    c.slots.create({ workspaceId: a.id, profileId: bProfileId, weekday: 1, localTime: "18:00" }),
  "slots.update": (c) =>
    c.slots.update({ workspaceId: a.id, slotId: bSlotId, weekday: 2, localTime: "19:00" }),
  "slots.delete": (c) => c.slots.delete({ workspaceId: a.id, slotId: bSlotId }),
  "slots.suggest": (c) => c.slots.suggest({ workspaceId: a.id, profileId: bProfileId }),
  ...publishingAttempts(() => a.id),
};

let bFeedId: string;
beforeAll(async () => {
  bFeedId = (await bob.caller.publishing.createFeed({ workspaceId: b.id, profileId: bProfileId })).id;
});

/** Publishing procedures naming a profile or post of B, in workspace `ws()` (B itself, or A). */
function publishingAttempts(ws: () => string): Record<string, Attempt> {
  return {
    "publishing.createFeed": (c) => c.publishing.createFeed({ workspaceId: ws(), profileId: bProfileId }),
    "publishing.revokeFeed": (c) => c.publishing.revokeFeed({ workspaceId: ws(), feedId: bFeedId }),
    "publishing.settings": (c) => c.publishing.settings({ workspaceId: ws(), profileId: bProfileId }),
    "publishing.updateSettings": (c) =>
      c.publishing.updateSettings({ workspaceId: ws(), profileId: bProfileId, method: "reminder" }),
    "publishing.rotateSecret": (c) => c.publishing.rotateSecret({ workspaceId: ws(), profileId: bProfileId }),
    "publishing.sendTestEvent": (c) => c.publishing.sendTestEvent({ workspaceId: ws(), profileId: bProfileId }),
    "publishing.deliveries": (c) => c.publishing.deliveries({ workspaceId: ws(), profileId: bProfileId }),
    "publishing.reminder": (c) => c.publishing.reminder({ workspaceId: ws(), draftId: bDraftId }),
    "publishing.markPublished": (c) =>
      c.publishing.markPublished({ workspaceId: ws(), draftId: bDraftId, permalink: "https://www.instagram.com/p/Cpwned/" }),
    "publishing.retry": (c) => c.publishing.retry({ workspaceId: ws(), draftId: bDraftId }),
  };
}

/** Planning writes a viewer of B tries: each is refused as FORBIDDEN and changes nothing. */
const viewerWriteAttempts: Record<string, Attempt> = {
  "workspace.setApprovals": (c) => c.workspace.setApprovals({ workspaceId: b.id, required: true }),
  "draft.transition": (c) =>
    c.draft.transition({
      workspaceId: b.id,
      draftId: bDraftId,
      to: "cancelled",
      expectedVersion: 1,
    }),
  "draft.reschedule": (c) =>
    c.draft.reschedule({
      workspaceId: b.id,
      draftId: bDraftId,
      expectedVersion: 1,
      localDate: "2031-01-06",
      localTime: "09:00",
    }),
  "draft.addToQueue": (c) =>
    c.draft.addToQueue({ workspaceId: b.id, draftId: bDraftId, expectedVersion: 1 }),
  "slots.create": (c) =>
    c.slots.create({ workspaceId: b.id, profileId: bProfileId, weekday: 1, localTime: "18:00" }),
  "slots.update": (c) =>
    c.slots.update({ workspaceId: b.id, slotId: bSlotId, weekday: 2, localTime: "19:00" }),
  "slots.delete": (c) => c.slots.delete({ workspaceId: b.id, slotId: bSlotId }),
  "socialProfile.update": (c) =>
    c.socialProfile.update({
      workspaceId: b.id,
      profileId: bProfileId,
      ...profileInput,
      platform: "instagram",
      handle: "bee",
    }),
  "draft.update": (c) =>
    c.draft.update({
      workspaceId: b.id,
      draftId: bDraftId,
      expectedVersion: 1,
      status: "cancelled",
    }),
  "publishing.updateSettings": (c) =>
    c.publishing.updateSettings({ workspaceId: b.id, profileId: bProfileId, method: "reminder" }),
  "publishing.rotateSecret": (c) => c.publishing.rotateSecret({ workspaceId: b.id, profileId: bProfileId }),
  "publishing.sendTestEvent": (c) => c.publishing.sendTestEvent({ workspaceId: b.id, profileId: bProfileId }),
  "publishing.deliveries": (c) => c.publishing.deliveries({ workspaceId: b.id, profileId: bProfileId }),
  "publishing.outbox": (c) => c.publishing.outbox({ workspaceId: b.id }),
  "publishing.markPublished": (c) =>
    c.publishing.markPublished({ workspaceId: b.id, draftId: bDraftId, permalink: "https://www.instagram.com/p/Cpwned/" }),
  "publishing.retry": (c) => c.publishing.retry({ workspaceId: b.id, draftId: bDraftId }),
  "publishing.createFeed": (c) => c.publishing.createFeed({ workspaceId: b.id, profileId: null }),
  "publishing.revokeFeed": (c) => c.publishing.revokeFeed({ workspaceId: b.id, feedId: bFeedId }),
};

/** Planning reads a viewer of B may make. */
const viewerReads: Record<string, Attempt> = {
  "draft.history": (c) => c.draft.history({ workspaceId: b.id, draftId: bDraftId }),
  "calendar.range": (c) =>
    c.calendar.range({
      workspaceId: b.id,
      from: new Date("2031-01-01T00:00:00Z"),
      to: new Date("2031-01-31T00:00:00Z"),
    }),
  "calendar.bestSlots": (c) => c.calendar.bestSlots({ workspaceId: b.id, profileId: bProfileId }),
  "calendar.grid": (c) => c.calendar.grid({ workspaceId: b.id, profileId: bProfileId }),
  "slots.list": (c) => c.slots.list({ workspaceId: b.id }),
  "slots.suggest": (c) => c.slots.suggest({ workspaceId: b.id, profileId: bProfileId }),
  "home.thisWeek": (c) => c.home.thisWeek({ workspaceId: b.id }),
  "publishing.settings": (c) => c.publishing.settings({ workspaceId: b.id, profileId: bProfileId }),
  "publishing.reminder": (c) => c.publishing.reminder({ workspaceId: b.id, draftId: bDraftId }),
  "notification.unreadCount": (c) => c.notification.unreadCount({ workspaceId: b.id }),
};

/** Procedures that take no workspace: scoped to the caller's own account instead. */
const accountScoped = new Set([
  "workspace.list",
  "workspace.create",
  "workspace.accept",
  "workspace.invitation",
]);

async function snapshotOfB() {
  return {
    workspaces: await h.db.select().from(workspaces),
    memberships: await h.db.select().from(memberships),
    profiles: await h.db.select().from(socialProfiles),
    invitations: await h.db.select().from(invitations),
    drafts: await h.db.select().from(drafts).where(eq(drafts.workspaceId, b.id)),
    draftMedia: await h.db.select().from(draftMedia).where(eq(draftMedia.mediaId, bMediaId)),
    contentTypes: await h.db.select().from(contentTypes).where(eq(contentTypes.workspaceId, b.id)),
    posts: await h.db.select().from(posts).where(eq(posts.workspaceId, b.id)),
    imports: await h.db.select().from(imports).where(eq(imports.workspaceId, b.id)),
    slots: await h.db.select().from(postingSlots).where(eq(postingSlots.workspaceId, b.id)),
    transitions: await h.db
      .select()
      .from(draftTransitions)
      .where(eq(draftTransitions.workspaceId, b.id)),
    publishingSettings: await h.db.select().from(publishingSettings).where(eq(publishingSettings.workspaceId, b.id)),
    deliveries: await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.workspaceId, b.id)),
    notifications: await h.db.select().from(notifications).where(eq(notifications.workspaceId, b.id)),
    publications: await h.db.select().from(draftPublications).where(eq(draftPublications.workspaceId, b.id)),
    feeds: await h.db.select().from(calendarFeeds).where(eq(calendarFeeds.workspaceId, b.id)),
  };
}

describe("workspace isolation", () => {
  it("has an attempt for every workspace-scoped procedure", () => {
    const all = Object.keys(appRouter._def.procedures);
    const missing = all.filter((p) => !accountScoped.has(p) && !(p in crossWorkspaceAttempts));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(crossWorkspaceAttempts))(
    "%s on workspace B is refused for a member of A",
    async (_name, attempt) => {
      const before = await snapshotOfB();
      const error = await attempt(mallory.caller).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("NOT_FOUND");
      expect((error as TRPCError).message).toBe("Workspace not found.");
      expect(await snapshotOfB()).toEqual(before);
    },
  );

  it.each(Object.entries(crossRowAttempts))(
    "%s naming A but a row of B is refused",
    async (_name, attempt) => {
      const before = await snapshotOfB();
      const error = await attempt(mallory.caller).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("NOT_FOUND");
      expect(await snapshotOfB()).toEqual(before);
    },
  );

  it.each(Object.entries(viewerWriteAttempts))(
    "%s by a viewer of B is refused",
    async (_name, attempt) => {
      const before = await snapshotOfB();
      const error = await attempt(vera.caller).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
      expect(await snapshotOfB()).toEqual(before);
    },
  );

  it.each(Object.entries(viewerReads))("%s is open to a viewer of B", async (_name, read) => {
    await expect(read(vera.caller)).resolves.toBeTruthy();
  });

  it("does not list B's workspace to a member of A", async () => {
    expect((await mallory.caller.workspace.list()).map((w) => w.id)).toEqual([a.id]);
  });
});
