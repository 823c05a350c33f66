import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "./testing/open";
import type { DatabaseHandle } from "./client";
import { memberships, socialProfiles, users, workspaces } from "./schema/index";
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
});
