/** The drafts list's top posts, ranked in SQL, against core's topPosts on the same posts. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { generateSyntheticHistory, topPosts, type Post } from "@rapport/core";
import { toPostRow, upsertPosts } from "./imports";
import { createUser, type TestUser } from "../testing/factories";

let h: DatabaseHandle;
let owner: TestUser;
let workspaceId: string;
const profiles: { id: string; history: Post[] }[] = [];

beforeAll(async () => {
  h = await openTestDatabase();
  owner = await createUser(h.db);
  workspaceId = (await owner.caller.workspace.create({ name: "Bistro" })).id;
  const histories = [
    // Reach on every post: ranked per person reached.
    generateSyntheticHistory(300, { seed: 3, platform: "instagram" }),
    // No reach at all (a page export with followers only): ranked per follower.
    generateSyntheticHistory(120, { seed: 5, platform: "facebook" }).map((p) => ({
      ...p,
      id: `fb-${p.id}`,
      reach: null,
    })),
    // Some posts with reach, more with followers only: the denominator more posts have wins (followers).
    generateSyntheticHistory(80, { seed: 9, platform: "instagram" }).map((p, i) => ({
      ...p,
      id: `mix-${p.id}`,
      reach: i % 3 === 0 ? p.reach : null,
    })),
  ];
  for (const [i, history] of histories.entries()) {
    const profile = await owner.caller.socialProfile.create({
      workspaceId,
      platform: i === 1 ? "facebook" : "instagram",
      handle: `bistro${i}`,
      displayName: `Bistro ${i}`,
      timeZone: "Europe/Paris",
      followerCount: 900,
    });
    await upsertPosts(
      h.db,
      { workspaceId, profileId: profile.id, importId: null },
      history.map(toPostRow),
    );
    profiles.push({ id: profile.id, history });
  }
});
afterAll(() => h.close());

describe("top posts per profile", () => {
  it("are core's topPosts: same posts, order, rate, denominator, median ratio and n", async () => {
    const top = await owner.caller.post.top({ workspaceId, perProfile: 3 });
    for (const profile of profiles) {
      const expected = topPosts(profile.history, { limit: 3 });
      const got = top.filter((t) => t.profileId === profile.id);
      expect(got).toHaveLength(3);
      got.forEach((g, i) => {
        const e = expected[i]!;
        expect(g.publishedAt?.getTime()).toBe(new Date(e.post.publishedAt!).getTime());
        expect(g.rate).toBeCloseTo(e.rate.value, 9);
        expect(g.denominator).toBe(e.rate.denominator);
        expect(g.vsMedian).toBeCloseTo(e.vsMedian!, 9);
        expect(g.n).toBe(e.n);
      });
    }
    expect(top.filter((t) => t.profileId === profiles[1]!.id)[0]!.denominator).toBe("followers");
    expect(top.filter((t) => t.profileId === profiles[2]!.id)[0]!.denominator).toBe("followers");
  });

  it("is empty for a workspace whose profiles have no posts", async () => {
    const other = await createUser(h.db);
    const ws = (await other.caller.workspace.create({ name: "New shop" })).id;
    await other.caller.socialProfile.create({
      workspaceId: ws,
      platform: "instagram",
      handle: "new",
      displayName: "New",
      timeZone: "UTC",
      followerCount: 10,
    });
    expect(await other.caller.post.top({ workspaceId: ws })).toEqual([]);
  });
});
