/**
 * Tenancy: a member of workspace A gets an error for every read or write of workspace B, and B's
 * rows are unchanged afterwards. The table below must name every workspace-scoped procedure: a new
 * procedure without an entry fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { openTestDatabase } from "@rapport/db/testing/open";
import { memberships, socialProfiles, workspaces, invitations, type DatabaseHandle } from "@rapport/db";
import { appRouter } from "./root";
import { createUser, type TestUser } from "./testing/factories";

let h: DatabaseHandle;
let mallory: TestUser; // owner of A
let bob: TestUser; // owner of B
let a: { id: string };
let b: { id: string };
let bProfileId: string;
let bobInviteId: string;

beforeAll(async () => {
  h = await openTestDatabase();
  mallory = await createUser(h.db);
  bob = await createUser(h.db);
  a = await mallory.caller.workspace.create({ name: "A" });
  b = await bob.caller.workspace.create({ name: "B" });
  const profile = await bob.caller.socialProfile.create({
    workspaceId: b.id, platform: "instagram", handle: "bee", displayName: "Bee", timeZone: "UTC", followerCount: 10,
  });
  bProfileId = profile.id;
  await bob.caller.workspace.invite({ workspaceId: b.id, email: "friend@example.com", role: "viewer" });
  const [inv] = await h.db.select().from(invitations);
  bobInviteId = inv!.id;
});
afterAll(() => h.close());

type Attempt = (c: TestUser["caller"]) => Promise<unknown>;

const profileInput = { platform: "x" as const, handle: "m", displayName: "m", timeZone: "UTC", followerCount: 1 };

const crossWorkspaceAttempts: Record<string, Attempt> = {
  "workspace.get": (c) => c.workspace.get({ workspaceId: b.id }),
  "workspace.rename": (c) => c.workspace.rename({ workspaceId: b.id, name: "pwned" }),
  "workspace.members": (c) => c.workspace.members({ workspaceId: b.id }),
  "workspace.invite": (c) => c.workspace.invite({ workspaceId: b.id, email: "m@example.com", role: "owner" }),
  "workspace.revokeInvitation": (c) => c.workspace.revokeInvitation({ workspaceId: b.id, invitationId: bobInviteId }),
  "workspace.changeRole": (c) => c.workspace.changeRole({ workspaceId: b.id, userId: bob.user.id, role: "viewer" }),
  "workspace.removeMember": (c) => c.workspace.removeMember({ workspaceId: b.id, userId: bob.user.id }),
  "socialProfile.list": (c) => c.socialProfile.list({ workspaceId: b.id }),
  "socialProfile.get": (c) => c.socialProfile.get({ workspaceId: b.id, profileId: bProfileId }),
  "socialProfile.create": (c) => c.socialProfile.create({ workspaceId: b.id, ...profileInput }),
  "socialProfile.update": (c) => c.socialProfile.update({ workspaceId: b.id, profileId: bProfileId, ...profileInput }),
  "socialProfile.delete": (c) => c.socialProfile.delete({ workspaceId: b.id, profileId: bProfileId }),
};

/** Attempts that name A (the caller's own workspace) but a row of B. */
const crossRowAttempts: Record<string, Attempt> = {
  "socialProfile.get": (c) => c.socialProfile.get({ workspaceId: a.id, profileId: bProfileId }),
  "socialProfile.update": (c) => c.socialProfile.update({ workspaceId: a.id, profileId: bProfileId, ...profileInput }),
  "socialProfile.delete": (c) => c.socialProfile.delete({ workspaceId: a.id, profileId: bProfileId }),
  "workspace.revokeInvitation": (c) => c.workspace.revokeInvitation({ workspaceId: a.id, invitationId: bobInviteId }),
  "workspace.changeRole": (c) => c.workspace.changeRole({ workspaceId: a.id, userId: bob.user.id, role: "viewer" }),
  "workspace.removeMember": (c) => c.workspace.removeMember({ workspaceId: a.id, userId: bob.user.id }),
};

/** Procedures that take no workspace: scoped to the caller's own account instead. */
const accountScoped = new Set(["workspace.list", "workspace.create", "workspace.accept", "workspace.invitation"]);

async function snapshotOfB() {
  return {
    workspaces: await h.db.select().from(workspaces),
    memberships: await h.db.select().from(memberships),
    profiles: await h.db.select().from(socialProfiles),
    invitations: await h.db.select().from(invitations),
  };
}

describe("workspace isolation", () => {
  it("has an attempt for every workspace-scoped procedure", () => {
    const all = Object.keys(appRouter._def.procedures);
    const missing = all.filter((p) => !accountScoped.has(p) && !(p in crossWorkspaceAttempts));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(crossWorkspaceAttempts))("%s on workspace B is refused for a member of A", async (_name, attempt) => {
    const before = await snapshotOfB();
    const error = await attempt(mallory.caller).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    expect((error as TRPCError).message).toBe("Workspace not found.");
    expect(await snapshotOfB()).toEqual(before);
  });

  it.each(Object.entries(crossRowAttempts))("%s naming A but a row of B is refused", async (_name, attempt) => {
    const before = await snapshotOfB();
    const error = await attempt(mallory.caller).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    expect(await snapshotOfB()).toEqual(before);
  });

  it("does not list B's workspace to a member of A", async () => {
    expect((await mallory.caller.workspace.list()).map((w) => w.id)).toEqual([a.id]);
  });
});
