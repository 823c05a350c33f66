import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "./testing/open";
import type { DatabaseHandle } from "./client";
import { importStagedPosts, imports, memberships, posts, socialProfiles, users, workspaces } from "./schema/index";
import { eq } from "drizzle-orm";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("schema and migrations", () => {
  it("applies migrations idempotently", async () => {
    await handle.migrate();
    await handle.migrate();
    const rows = await handle.db.select().from(users);
    expect(rows).toEqual([]);
  });

  it("cascades a workspace's memberships and profiles when it is deleted", async () => {
    const [user] = await handle.db
      .insert(users)
      .values({ email: "a@example.com", name: "A", passwordHash: "x" })
      .returning();
    const [ws] = await handle.db.insert(workspaces).values({ name: "Bistro" }).returning();
    await handle.db.insert(memberships).values({ workspaceId: ws!.id, userId: user!.id, role: "owner" });
    await handle.db.insert(socialProfiles).values({
      workspaceId: ws!.id,
      platform: "instagram",
      handle: "bistro",
      displayName: "Bistro",
      timeZone: "Europe/Lisbon",
    });
    await handle.db.delete(workspaces).where(eq(workspaces.id, ws!.id));
    expect(await handle.db.select().from(memberships)).toEqual([]);
    expect(await handle.db.select().from(socialProfiles)).toEqual([]);
  });

  it("rejects a second account with the same email", async () => {
    await handle.db.insert(users).values({ email: "dup@example.com", name: "A", passwordHash: "x" });
    await expect(
      handle.db.insert(users).values({ email: "dup@example.com", name: "B", passwordHash: "y" }),
    ).rejects.toThrow();
  });

  it("keeps a follower count that was never given as missing, not zero", async () => {
    const [ws] = await handle.db.insert(workspaces).values({ name: "Shop" }).returning();
    const [profile] = await handle.db
      .insert(socialProfiles)
      .values({ workspaceId: ws!.id, platform: "x", handle: "shop", displayName: "Shop", timeZone: "UTC" })
      .returning();
    expect(profile!.followerCount).toBeNull();
  });

  it("refuses a post whose workspace is not its profile's, and removes posts with their profile or workspace", async () => {
    const [a] = await handle.db.insert(workspaces).values({ name: "A" }).returning();
    const [b] = await handle.db.insert(workspaces).values({ name: "B" }).returning();
    const profile = async (workspaceId: string, h: string) =>
      (await handle.db.insert(socialProfiles).values({ workspaceId, platform: "instagram", handle: h, displayName: h, timeZone: "UTC" }).returning())[0]!;
    const pa = await profile(a!.id, "pa");
    const pa2 = await profile(a!.id, "pa2");
    const pb = await profile(b!.id, "pb");
    await expect(handle.db.insert(posts).values({ workspaceId: b!.id, profileId: pa.id, externalId: "1" })).rejects.toThrow();
    await handle.db.insert(posts).values([
      { workspaceId: a!.id, profileId: pa.id, externalId: "1" },
      { workspaceId: a!.id, profileId: pa2.id, externalId: "1" },
      { workspaceId: b!.id, profileId: pb.id, externalId: "1" },
    ]);
    await handle.db.delete(socialProfiles).where(eq(socialProfiles.id, pa2.id));
    expect((await handle.db.select().from(posts)).map((p) => p.profileId).sort()).toEqual([pa.id, pb.id].sort());
    await handle.db.delete(workspaces).where(eq(workspaces.id, a!.id));
    expect((await handle.db.select().from(posts)).map((p) => p.profileId)).toEqual([pb.id]);
  });

  it("removes an import's staged rows with the import", async () => {
    const [ws] = await handle.db.insert(workspaces).values({ name: "Staging" }).returning();
    const [p] = await handle.db
      .insert(socialProfiles)
      .values({ workspaceId: ws!.id, platform: "x", handle: "staging", displayName: "S", timeZone: "UTC" })
      .returning();
    const [job] = await handle.db
      .insert(imports)
      .values({ workspaceId: ws!.id, profileId: p!.id, kind: "meta-csv", fileName: "a.csv", fileBytes: 1, storageKey: "k" })
      .returning();
    await handle.db.insert(importStagedPosts).values({ importId: job!.id, row: 2, externalId: "a" });
    await handle.db.delete(imports).where(eq(imports.id, job!.id));
    expect(await handle.db.select().from(importStagedPosts).where(eq(importStagedPosts.importId, job!.id))).toEqual([]);
  });
});
