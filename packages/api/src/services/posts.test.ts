/** Loading a whole history in keyset chunks gives exactly what one query in time order gives. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import { sql, type DatabaseHandle } from "@rapport/db";
import { generateSyntheticHistory } from "@rapport/core";
import { toPostRow, upsertPosts } from "./imports";
import { loadPosts } from "./posts";
import { createUser } from "../testing/factories";

let h: DatabaseHandle;
let workspaceId: string;

beforeAll(async () => {
  h = await openTestDatabase();
  const owner = await createUser(h.db);
  workspaceId = (await owner.caller.workspace.create({ name: "Bistro" })).id;
  const mk = (handle: string) =>
    owner.caller.socialProfile.create({ workspaceId, platform: "instagram", handle, displayName: handle, timeZone: "Europe/Paris", followerCount: 900 });
  const a = (await mk("bistro")).id;
  const b = (await mk("bistro.chef")).id;
  const history = generateSyntheticHistory(700, { seed: 4, platform: "instagram" });
  // Ties on the time (same minute on both profiles), undated posts, and ids that sort differently as text.
  const undated = history.slice(0, 40).map((p, i) => ({ ...p, id: `u-${i}`, publishedAt: null, slot: null }));
  await upsertPosts(h.db, { workspaceId, profileId: a, importId: null }, [...history.slice(0, 400), ...undated].map(toPostRow));
  await upsertPosts(h.db, { workspaceId, profileId: b, importId: null }, history.slice(300).map((p, i) => ({ ...p, id: `B${i}` })).map(toPostRow));
});
afterAll(() => h.close());

describe("loading every post", () => {
  it("in chunks of any size returns the same posts in the same time order as one query", async () => {
    const whole = await loadPosts(h.db, workspaceId, { chunk: 100_000 });
    expect(whole).toHaveLength(840);
    const ordered = await h.db.execute(sql`select id from posts where workspace_id = ${workspaceId} order by published_at asc nulls first, external_id asc, id`);
    expect(whole.map((p) => p.id)).toEqual((ordered as { rows: { id: string }[] }).rows.map((r) => r.id));
    for (const chunk of [13, 420, 839, 840]) {
      expect(await loadPosts(h.db, workspaceId, { chunk })).toEqual(whole);
    }
  });

  it("keeps the filters on every chunk", async () => {
    const from = await loadPosts(h.db, workspaceId, { from: "2000-01-01", chunk: 50 });
    expect(from.length).toBe(800);
    expect(from.every((p) => p.publishedAt !== null)).toBe(true);
  });
});
