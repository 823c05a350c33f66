/** Posts: one post typed in by hand, and a content type a person confirms. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { createUser, type TestUser } from "../testing/factories";

let h: DatabaseHandle;
let owner: TestUser;
let workspaceId: string;
let profileId: string;

beforeAll(async () => {
  h = await openTestDatabase();
  owner = await createUser(h.db);
  workspaceId = (await owner.caller.workspace.create({ name: "Café" })).id;
  profileId = (await owner.caller.socialProfile.create({ workspaceId, platform: "instagram", handle: "cafe", displayName: "Café", timeZone: "Europe/Lisbon", followerCount: 900 })).id;
});
afterAll(() => h.close());

describe("a post typed in by hand", () => {
  it("is listed with its rates per reach and per follower, and typing it again changes nothing", async () => {
    const input = { workspaceId, profileId, publishedAt: "2026-03-05T18:00:00Z", caption: "Meet Ana, our new barista", reach: 1000, followers: 900, likes: 40, comments: 5, shares: 2, saves: 3 };
    expect(await owner.caller.post.addManual(input)).toEqual({ created: true, updated: false });
    expect(await owner.caller.post.addManual(input)).toEqual({ created: false, updated: false });
    const list = await owner.caller.post.list({ workspaceId });
    expect(list.total).toBe(1);
    const row = list.rows[0]!;
    expect(row.perReach).toBeCloseTo(50 / 1000);
    expect(row.perFollower).toBeCloseTo(50 / 900);
    expect(row.contentType).toBeNull();
    expect(row.suggestedContentType).toBe("staff-spotlight");
    expect(row.caption).toBe("Meet Ana, our new barista");

    await owner.caller.post.setContentType({ workspaceId, postId: row.id, contentType: "staff-spotlight" });
    const after = (await owner.caller.post.list({ workspaceId })).rows[0]!;
    expect(after).toMatchObject({ contentType: "staff-spotlight", contentTypeSource: "confirmed", suggestedContentType: null });
  });

  it("needs at least one interaction count", async () => {
    await expect(owner.caller.post.addManual({ workspaceId, profileId, publishedAt: "2026-03-06T18:00:00Z", reach: 100 })).rejects.toThrow(
      "Enter at least one of likes, comments, shares or saves.",
    );
  });
});
