import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { callerFor, createUser } from "../testing/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(() => h.close());

async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected a TRPCError");
}

describe("workspaces", () => {
  it("requires a session", async () => {
    const anonymous = await callerFor(h.db, null);
    expect((await trpcError(anonymous.workspace.list())).code).toBe("UNAUTHORIZED");
  });

  it("creates a workspace owned by its creator and lists only the caller's workspaces", async () => {
    const ana = await createUser(h.db);
    const ben = await createUser(h.db);
    const ws = await ana.caller.workspace.create({ name: "  Bistro Ana  " });
    expect(ws).toMatchObject({ name: "Bistro Ana", role: "owner" });
    await ben.caller.workspace.create({ name: "Ben's Boutique" });
    expect((await ana.caller.workspace.list()).map((w) => w.name)).toEqual(["Bistro Ana"]);
  });

  it("rejects an empty name with a specific message", async () => {
    const ana = await createUser(h.db);
    const e = await trpcError(ana.caller.workspace.create({ name: "   " }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toContain("Name the workspace.");
  });

  it("invites by email; only the invited account can accept; the role applies", async () => {
    const owner = await createUser(h.db);
    const invitee = await createUser(h.db);
    const stranger = await createUser(h.db);
    const ws = await owner.caller.workspace.create({ name: "Shop" });
    const { token } = await owner.caller.workspace.invite({ workspaceId: ws.id, email: invitee.user.email.toUpperCase(), role: "editor" });
    const forbidden = await trpcError(stranger.caller.workspace.accept({ token }));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(forbidden.message).toContain(invitee.user.email);
    expect(await invitee.caller.workspace.invitation({ token })).toMatchObject({ workspaceName: "Shop", role: "editor", forYou: true });
    expect(await invitee.caller.workspace.accept({ token })).toMatchObject({ id: ws.id, role: "editor" });
    expect((await trpcError(invitee.caller.workspace.accept({ token }))).code).toBe("NOT_FOUND");
    const { members } = await owner.caller.workspace.members({ workspaceId: ws.id });
    expect(members.map((m) => m.role).sort()).toEqual(["editor", "owner"]);
    // An editor may not invite, rename or change roles.
    expect((await trpcError(invitee.caller.workspace.rename({ workspaceId: ws.id, name: "Mine" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(invitee.caller.workspace.invite({ workspaceId: ws.id, email: "x@example.com", role: "owner" }))).code).toBe("FORBIDDEN");
  });

  it("refuses to invite someone already in the workspace", async () => {
    const owner = await createUser(h.db);
    const ws = await owner.caller.workspace.create({ name: "Shop" });
    const e = await trpcError(owner.caller.workspace.invite({ workspaceId: ws.id, email: owner.user.email, role: "viewer" }));
    expect(e.code).toBe("CONFLICT");
  });

  it("keeps at least one owner", async () => {
    const owner = await createUser(h.db);
    const ws = await owner.caller.workspace.create({ name: "Solo" });
    const demote = await trpcError(owner.caller.workspace.changeRole({ workspaceId: ws.id, userId: owner.user.id, role: "viewer" }));
    expect(demote.message).toMatch(/at least one owner/);
    const leave = await trpcError(owner.caller.workspace.removeMember({ workspaceId: ws.id, userId: owner.user.id }));
    expect(leave.message).toMatch(/at least one owner/);
  });

  it("lets a member leave and an owner remove a member", async () => {
    const owner = await createUser(h.db);
    const a = await createUser(h.db);
    const ws = await owner.caller.workspace.create({ name: "Team" });
    const { token } = await owner.caller.workspace.invite({ workspaceId: ws.id, email: a.user.email, role: "viewer" });
    await a.caller.workspace.accept({ token });
    await owner.caller.workspace.changeRole({ workspaceId: ws.id, userId: a.user.id, role: "editor" });
    expect((await a.caller.workspace.get({ workspaceId: ws.id })).role).toBe("editor");
    await a.caller.workspace.removeMember({ workspaceId: ws.id, userId: a.user.id });
    expect((await trpcError(a.caller.workspace.get({ workspaceId: ws.id }))).code).toBe("NOT_FOUND");
  });
});

describe("social profiles", () => {
  it("creates, lists, updates and deletes, with clear validation errors", async () => {
    const owner = await createUser(h.db);
    const ws = await owner.caller.workspace.create({ name: "Bistro" });
    const p = await owner.caller.socialProfile.create({
      workspaceId: ws.id,
      platform: "instagram",
      handle: "@bistro.ana",
      displayName: "Bistro Ana",
      timeZone: "Europe/Lisbon",
      followerCount: 1840,
    });
    expect(p.handle).toBe("bistro.ana");
    const dup = await trpcError(
      owner.caller.socialProfile.create({ workspaceId: ws.id, platform: "instagram", handle: "bistro.ana", displayName: "x", timeZone: "UTC", followerCount: null }),
    );
    expect(dup.code).toBe("CONFLICT");
    expect(dup.message).toBe("This workspace already has the Instagram profile @bistro.ana.");
    const badTz = await trpcError(
      owner.caller.socialProfile.create({ workspaceId: ws.id, platform: "x", handle: "b", displayName: "b", timeZone: "Mars/Olympus", followerCount: null }),
    );
    expect(badTz.code).toBe("BAD_REQUEST");
    expect(badTz.message).toContain("IANA time zone");
    const updated = await owner.caller.socialProfile.update({
      workspaceId: ws.id,
      profileId: p.id,
      platform: "instagram",
      handle: "bistro.ana",
      displayName: "Bistro Ana (Lisbon)",
      timeZone: "Europe/Lisbon",
      followerCount: null,
    });
    expect(updated.followerCount).toBeNull();
    expect(await owner.caller.socialProfile.list({ workspaceId: ws.id })).toHaveLength(1);
    await owner.caller.socialProfile.delete({ workspaceId: ws.id, profileId: p.id });
    expect(await owner.caller.socialProfile.list({ workspaceId: ws.id })).toHaveLength(0);
  });

  it("lets a viewer read but not write", async () => {
    const owner = await createUser(h.db);
    const viewer = await createUser(h.db);
    const ws = await owner.caller.workspace.create({ name: "Bistro" });
    const { token } = await owner.caller.workspace.invite({ workspaceId: ws.id, email: viewer.user.email, role: "viewer" });
    await viewer.caller.workspace.accept({ token });
    expect(await viewer.caller.socialProfile.list({ workspaceId: ws.id })).toEqual([]);
    const e = await trpcError(
      viewer.caller.socialProfile.create({ workspaceId: ws.id, platform: "x", handle: "v", displayName: "v", timeZone: "UTC", followerCount: 1 }),
    );
    expect(e.code).toBe("FORBIDDEN");
  });
});
