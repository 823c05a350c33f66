/** Posts: one post typed in by hand, and a content type a person confirms. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { performanceIndex } from "@rapport/core";
import { loadPosts } from "../services/posts";
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

describe("the performance index on the posts page", () => {
  it("is each post against the median of its profile's 30 posts before it, as core computes it from the whole history", async () => {
    const o = await createUser(h.db);
    const ws = (await o.caller.workspace.create({ name: "Boutique" })).id;
    const mk = (handle: string) => o.caller.socialProfile.create({ workspaceId: ws, platform: "instagram", handle, displayName: handle, timeZone: "UTC", followerCount: 500 });
    const a = (await mk("boutique")).id;
    const b = (await mk("boutique.owner")).id;
    // Two profiles interleaved in time, each second-profile post at the same minute as the post before it.
    for (let i = 0; i < 60; i++) {
      const minute = (i % 4 === 3 ? i - 1 : i) * 60;
      await o.caller.post.addManual({
        workspaceId: ws, profileId: i % 4 === 3 ? b : a, publishedAt: new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString(),
        caption: `Look ${i}`, reach: 400 + ((i * 37) % 200), followers: 500, likes: 10 + ((i * 13) % 40), comments: i % 5, shares: i % 3, saves: 1,
      });
    }
    const list = await o.caller.post.list({ workspaceId: ws, pageSize: 200 });
    expect(list.total).toBe(60);
    const all = await loadPosts(h.db, ws, {});
    let withIndex = 0;
    for (const row of list.rows) {
      const post = all.find((p) => p.id === row.id)!;
      const expected = performanceIndex(post, all.filter((p) => p.profileId === post.profileId));
      expect(row.performanceIndex).toEqual(expected ? { value: expected.value, n: expected.n, label: expected.label } : null);
      if (expected) withIndex++;
    }
    expect(withIndex).toBeGreaterThan(50);
    expect(list.rows.some((r) => r.performanceIndex?.n === 30)).toBe(true);

    // The export computes the same index in memory, for every post in time order, captions included.
    const exported = await o.caller.post.export({ workspaceId: ws });
    expect(exported.map((r) => r.id)).toEqual(all.map((p) => p.id));
    for (const r of exported) {
      const row = list.rows.find((x) => x.id === r.id)!;
      expect(r.profileId).toBe(row.profileId);
      expect(r.performanceIndex).toEqual(row.performanceIndex ? { value: row.performanceIndex.value, n: row.performanceIndex.n } : null);
      expect(r).toMatchObject({ caption: row.caption, perReach: row.perReach, perFollower: row.perFollower, quality: row.quality });
    }
    // Filtered, each post is still measured against its profile's whole history.
    const later = await o.caller.post.export({ workspaceId: ws, from: "2026-01-02" });
    expect(later.length).toBeLessThan(exported.length);
    for (const r of later) expect(r.performanceIndex).toEqual(exported.find((x) => x.id === r.id)!.performanceIndex);
  });
});

describe("sorting and paging", () => {
  it("every sort, both ways, page by page, gives the order a person expects: missing values last, ties in time order", async () => {
    const o = await createUser(h.db);
    const ws = (await o.caller.workspace.create({ name: "Deli" })).id;
    const profile = (await o.caller.socialProfile.create({ workspaceId: ws, platform: "facebook", handle: "deli", displayName: "Deli", timeZone: "UTC", followerCount: 300 })).id;
    for (let i = 0; i < 23; i++) {
      await o.caller.post.addManual({
        workspaceId: ws, profileId: profile, publishedAt: new Date(Date.UTC(2026, 1, 1) + i * 3_600_000 * 7).toISOString(),
        caption: `Deli ${i}`, contentType: i % 3 === 0 ? "offer" : null,
        // Missing and zero denominators, so quality falls back from reach to followers to impressions.
        reach: i % 5 === 0 ? null : i === 11 ? 0 : 100 + (i % 4) * 10, followers: i % 7 === 0 ? null : 300 + i, impressions: 400 + i,
        likes: 5 + (i % 3), comments: i % 4 === 0 ? null : i % 2, shares: i % 6 === 0 ? null : 1, saves: i % 3 === 0 ? 2 : null,
      });
    }
    const all = await loadPosts(h.db, ws, {});
    const sorts = ["publishedAt", "reach", "comments", "likes", "shares", "ratePerReach", "ratePerFollower", "quality"] as const;
    for (const sort of sorts) {
      for (const dir of ["asc", "desc"] as const) {
        const seen: string[] = [];
        for (let page = 1; page <= 4; page++) {
          const res = await o.caller.post.list({ workspaceId: ws, sort, dir, page, pageSize: 7 });
          expect(res.total).toBe(23);
          seen.push(...res.rows.map((r) => r.id));
        }
        const rows = (await o.caller.post.list({ workspaceId: ws, sort, dir, pageSize: 200 })).rows;
        const value = (id: string): number | null => {
          const r = rows.find((x) => x.id === id)!;
          if (sort === "publishedAt") return r.publishedAt ? Date.parse(r.publishedAt) : null;
          if (sort === "ratePerReach") return r.perReach;
          if (sort === "ratePerFollower") return r.perFollower;
          if (sort === "quality") return r.quality?.value ?? null;
          return r[sort];
        };
        const expected = all.map((p) => p.id).sort((a, b) => {
          const va = value(a);
          const vb = value(b);
          if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
          return dir === "asc" ? va - vb : vb - va;
        });
        expect(seen, `${sort} ${dir}`).toEqual(expected);
      }
    }
    const offers = await o.caller.post.list({ workspaceId: ws, contentType: "offer", sort: "reach" });
    expect(offers.total).toBe(8);
    expect(offers.rows.every((r) => r.contentType === "offer")).toBe(true);
    const none = await o.caller.post.list({ workspaceId: ws, contentType: "none", sort: "ratePerReach" });
    expect(none.total).toBe(15);
    const ranged = await o.caller.post.list({ workspaceId: ws, from: "2026-02-02", to: "2026-02-03" });
    expect(ranged.rows.map((r) => r.publishedAt!.slice(0, 10)).every((d) => d >= "2026-02-02" && d <= "2026-02-03")).toBe(true);
    expect(ranged.total).toBe(ranged.rows.length);
    expect(ranged.total).toBeGreaterThan(3);
  });
});
