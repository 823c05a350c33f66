/**
 * Insights are served from a snapshot only while it matches the workspace's data: any change to
 * posts, follower counts or profiles (however it is made) makes the next request recompute. When the
 * recompute takes longer than a request should wait, the previous snapshot is served, marked as
 * updating, and the next request gets the fresh numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import { eq, insightSnapshots, posts, sql, workspaces, type DatabaseHandle } from "@rapport/db";
import { upsertFollowerSnapshots } from "../services/imports";
import { computeInsights, configureInsights, getInsights, MAX_SNAPSHOTS, whenInsightsSettled } from "../services/insights";
import { createUser, type TestUser } from "../testing/factories";

let h: DatabaseHandle;
let owner: TestUser;
let workspaceId: string;
let profileId: string;

const typed = ["photo-dump", "behind-the-scenes", "staff-spotlight"] as const;

async function addPosts(count: number, offset = 0) {
  for (let i = offset; i < offset + count; i++) {
    await owner.caller.post.addManual({
      workspaceId, profileId, publishedAt: new Date(Date.UTC(2026, 0, 5) + i * 86_400_000 * 1.5).toISOString(),
      caption: `Post ${i}`, contentType: typed[i % 3], reach: 1000 + i * 10, followers: 900, likes: 20 + (i % 3) * 15, comments: i % 4, shares: 1, saves: 2,
    });
  }
}

beforeAll(async () => {
  // Every request waits for fresh numbers, except in the "updating" tests below.
  configureInsights({ freshWaitMs: Number.POSITIVE_INFINITY });
  h = await openTestDatabase();
  owner = await createUser(h.db);
  workspaceId = (await owner.caller.workspace.create({ name: "Bistro" })).id;
  profileId = (await owner.caller.socialProfile.create({ workspaceId, platform: "instagram", handle: "bistro", displayName: "Bistro", timeZone: "Europe/Lisbon", followerCount: 900 })).id;
  await addPosts(24);
});
afterAll(async () => {
  await whenInsightsSettled();
  await h.close();
});

const get = () => owner.caller.insights.get({ workspaceId });

describe("insights snapshots", () => {
  it("the second request is served from the snapshot, with the same numbers as computing afresh", async () => {
    const first = await get();
    expect(first.fromSnapshot).toBe(false);
    const second = await get();
    expect(second.fromSnapshot).toBe(true);
    expect(second).toEqual({ ...first, fromSnapshot: true });
    const fresh = JSON.parse(JSON.stringify(await computeInsights(h.db, workspaceId, { denominator: "reach" })));
    const { usesUciData: _u, fromSnapshot: _f, updating: _up, computedAt: _c, ...served } = second;
    expect(served).toEqual(fresh);
    expect(second.n).toBe(24);
  });

  it("a content type confirmed by a person is seen at once", async () => {
    await get();
    const list = await owner.caller.post.list({ workspaceId, pageSize: 1 });
    await owner.caller.post.setContentType({ workspaceId, postId: list.rows[0]!.id, contentType: "offer" });
    const after = await get();
    expect(after.fromSnapshot).toBe(false);
    expect(after.lift.byContentType.rows.find((r) => r.key === "offer")?.n).toBe(1);
  });

  it("new posts, follower counts and profile changes each make the next request recompute", async () => {
    await get();
    await addPosts(3, 100);
    const withNew = await get();
    expect(withNew).toMatchObject({ fromSnapshot: false, n: 27 });

    expect((await get()).fromSnapshot).toBe(true);
    await upsertFollowerSnapshots(h.db, { workspaceId, profileId }, [{ date: "2026-02-01", followers: 950 }, { date: "2026-02-02", followers: 960 }]);
    expect((await get()).fromSnapshot).toBe(false);

    expect((await get()).fromSnapshot).toBe(true);
    await owner.caller.socialProfile.update({ workspaceId, profileId, platform: "instagram", handle: "bistro", displayName: "Bistro", timeZone: "America/New_York", followerCount: 900 });
    const moved = await get();
    expect(moved.fromSnapshot).toBe(false);
    expect(moved.heatmap?.timeZone).toBe("America/New_York");

    // Even a change made behind the app's back (plain SQL) is seen.
    expect((await get()).fromSnapshot).toBe(true);
    await h.db.execute(sql`delete from posts where workspace_id = ${workspaceId} and caption = 'Post 100'`);
    expect(await get()).toMatchObject({ fromSnapshot: false, n: 26 });
  });

  it("a snapshot computed while the data changed is never served", async () => {
    // Computing reads the version first; a write that lands after that leaves the snapshot stale.
    const [before] = await h.db.select({ v: workspaces.dataVersion }).from(workspaces).where(eq(workspaces.id, workspaceId));
    await h.db.update(posts).set({ likes: 999 }).where(eq(posts.caption, "Post 101"));
    await h.db.update(insightSnapshots).set({ dataVersion: before!.v }).where(eq(insightSnapshots.workspaceId, workspaceId));
    expect((await get()).fromSnapshot).toBe(false);
  });

  it("filters and denominators are snapshots of their own, each recomputed when the data change", async () => {
    const perFollower = await owner.caller.insights.get({ workspaceId, denominator: "followers" });
    expect(perFollower.denominator).toBe("followers");
    expect((await owner.caller.insights.get({ workspaceId, denominator: "followers" })).fromSnapshot).toBe(true);
    expect((await get()).denominator).toBe("reach");
    await addPosts(1, 200);
    expect(await get()).toMatchObject({ fromSnapshot: false, updating: false });
    // The per-follower view is out of date too: recomputed on its next request, not served stale.
    const again = await owner.caller.insights.get({ workspaceId, denominator: "followers" });
    expect(again).toMatchObject({ fromSnapshot: false, updating: false, n: perFollower.n + 1 });
  });

  it("keeps the most recent snapshots only, however many date ranges are tried", async () => {
    const days = Array.from({ length: MAX_SNAPSHOTS + 5 }, (_, i) => `2026-01-${String(i + 1).padStart(2, "0")}`);
    for (const from of days) await owner.caller.insights.get({ workspaceId, from });
    const kept = await h.db.select({ key: insightSnapshots.key }).from(insightSnapshots).where(eq(insightSnapshots.workspaceId, workspaceId));
    expect(kept).toHaveLength(MAX_SNAPSHOTS);
    // The latest one is among them and still served.
    expect((await owner.caller.insights.get({ workspaceId, from: days.at(-1) })).fromSnapshot).toBe(true);
  });

  it("is never served to another workspace, and goes with its workspace", async () => {
    await get();
    const other = await createUser(h.db);
    const otherWs = (await other.caller.workspace.create({ name: "Boutique" })).id;
    const theirs = await other.caller.insights.get({ workspaceId: otherWs });
    expect(theirs).toMatchObject({ fromSnapshot: false, n: 0, heatmap: null, cadence: null });
    // One post: every section says what it can (the output schema checks the shape on the way out).
    const p = (await other.caller.socialProfile.create({ workspaceId: otherWs, platform: "tiktok", handle: "boutique", displayName: "Boutique", timeZone: "Asia/Kathmandu", followerCount: 120 })).id;
    await other.caller.post.addManual({ workspaceId: otherWs, profileId: p, publishedAt: "2026-04-01T10:00:00Z", reach: 80, likes: 3 });
    const one = await other.caller.insights.get({ workspaceId: otherWs, denominator: "followers" });
    expect(one).toMatchObject({ n: 1, fromSnapshot: false });
    expect(one.lift.byContentType.rows.every((r) => r.state === "not-enough-posts" && r.interval === null)).toBe(true);
    expect(one.cadence?.summary).toMatch(/Not enough weeks/);
    expect((await other.caller.insights.get({ workspaceId: otherWs, denominator: "followers" })).fromSnapshot).toBe(true);
    expect(await getInsights(h.db, otherWs, { denominator: "reach" })).toMatchObject({ n: 1 });
    // Deleting the workspace cascades to its profiles and posts, whose triggers then find no workspace to bump.
    await h.db.delete(workspaces).where(eq(workspaces.id, workspaceId));
    const left = await h.db.select().from(insightSnapshots).where(eq(insightSnapshots.workspaceId, workspaceId));
    expect(left).toHaveLength(0);
  });
});

describe("when fresh numbers take longer than a request waits", () => {
  afterAll(() => configureInsights({ freshWaitMs: Number.POSITIVE_INFINITY }));

  it("serves the previous snapshot marked as updating, then the fresh one; concurrent requests share one refresh", async () => {
    const o = await createUser(h.db);
    const ws = (await o.caller.workspace.create({ name: "Bakery" })).id;
    const p = (await o.caller.socialProfile.create({ workspaceId: ws, platform: "instagram", handle: "bakery", displayName: "Bakery", timeZone: "Europe/Paris", followerCount: 400 })).id;
    const add = (i: number) =>
      o.caller.post.addManual({ workspaceId: ws, profileId: p, publishedAt: new Date(Date.UTC(2026, 1, 1) + i * 86_400_000).toISOString(), reach: 300 + i, likes: 10 + i, comments: i % 3 });
    for (let i = 0; i < 5; i++) await add(i);
    const first = await o.caller.insights.get({ workspaceId: ws });
    expect(first).toMatchObject({ n: 5, fromSnapshot: false, updating: false });

    configureInsights({ freshWaitMs: 0 });
    await add(10);
    const during = await Promise.all(Array.from({ length: 5 }, () => o.caller.insights.get({ workspaceId: ws })));
    for (const r of during) expect(r).toMatchObject({ n: 5, fromSnapshot: true, updating: true, computedAt: first.computedAt });
    await whenInsightsSettled();
    const after = await o.caller.insights.get({ workspaceId: ws });
    expect(after).toMatchObject({ n: 6, fromSnapshot: true, updating: false });
    expect(after.computedAt.getTime()).toBeGreaterThan(first.computedAt.getTime());
  });

  it("waits when there is no earlier snapshot to show", async () => {
    configureInsights({ freshWaitMs: 0 });
    const o = await createUser(h.db);
    const ws = (await o.caller.workspace.create({ name: "Florist" })).id;
    expect(await o.caller.insights.get({ workspaceId: ws })).toMatchObject({ n: 0, fromSnapshot: false, updating: false });
  });
});
