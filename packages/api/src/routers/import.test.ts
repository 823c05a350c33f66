/**
 * Imports end to end through the procedures: the dry run writes no post, the commit writes exactly
 * the good rows in one go, the same file twice changes nothing, and rejected rows keep their reasons.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { openTestDatabase } from "@rapport/db/testing/open";
import { and, count, eq, importRejections, importStagedPosts, imports, posts, type DatabaseHandle } from "@rapport/db";
import { analyseImport, configureImports, createImportJob, recoverImports, whenIdle } from "../services/imports";
import { createUser, type TestUser } from "../testing/factories";

const coreDir = path.dirname(createRequire(import.meta.url).resolve("@rapport/core/package.json"));
const UCI = path.join(coreDir, "data/facebook-metrics/dataset_Facebook.csv");

let h: DatabaseHandle;
let owner: TestUser;
let workspaceId: string;
let profileId: string;
const dir = mkdtempSync(path.join(tmpdir(), "rapport-imports-"));

beforeAll(async () => {
  h = await openTestDatabase();
  configureImports({ dir });
  owner = await createUser(h.db);
  workspaceId = (await owner.caller.workspace.create({ name: "Shop" })).id;
  profileId = (
    await owner.caller.socialProfile.create({ workspaceId, platform: "facebook", handle: "shop", displayName: "Shop", timeZone: "Europe/Lisbon", followerCount: 100 })
  ).id;
});
afterAll(() => h.close());

async function upload(source: string | { text: string }, kind: "uci-csv" | "meta-csv" | "followers-csv" | "instagram-json", fileName = "file.csv", profile = profileId) {
  const storageKey = crypto.randomUUID();
  if (typeof source === "string") copyFileSync(source, path.join(dir, storageKey));
  else writeFileSync(path.join(dir, storageKey), source.text);
  const { id } = await createImportJob(h.db, dir, { workspaceId, profileId: profile, kind, fileName, fileBytes: 1, storageKey, createdBy: owner.user.id });
  await whenIdle();
  return id;
}

async function commit(importId: string) {
  await owner.caller.import.commit({ workspaceId, importId });
  await whenIdle();
  return owner.caller.import.status({ workspaceId, importId });
}

const stagedCount = async (importId: string) =>
  (await h.db.select({ n: count() }).from(importStagedPosts).where(eq(importStagedPosts.importId, importId)))[0]!.n;

const fileOf = async (importId: string) => path.join(dir, (await h.db.select({ k: imports.storageKey }).from(imports).where(eq(imports.id, importId)))[0]!.k);

const postCount = async () => (await h.db.select({ n: count() }).from(posts).where(eq(posts.workspaceId, workspaceId)))[0]!.n;

describe("importing the UCI Facebook metrics file", () => {
  it("previews 500 new posts without writing, commits them, and a second import changes nothing", async () => {
    const first = await upload(UCI, "uci-csv", "dataset_Facebook.csv");
    const preview = await owner.caller.import.status({ workspaceId, importId: first });
    expect(preview).toMatchObject({ status: "previewed", newCount: 500, updatedCount: 0, rejectedCount: 0 });
    expect(await postCount()).toBe(0);

    const done = await commit(first);
    expect(done).toMatchObject({ status: "done", newCount: 500, updatedCount: 0 });
    expect(await postCount()).toBe(500);
    // The insights page's default view was computed after the commit, so the first visit is served at once.
    expect(await owner.caller.insights.get({ workspaceId })).toMatchObject({ fromSnapshot: true, n: 500 });

    const again = await upload(UCI, "uci-csv", "dataset_Facebook.csv");
    expect(await owner.caller.import.status({ workspaceId, importId: again })).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 500 });
    expect(await commit(again)).toMatchObject({ status: "done", newCount: 0, updatedCount: 0 });
    expect(await postCount()).toBe(500);
  });

  it("shows Status above Photo per follower in lift by the file's own post type (and Photo above Status per reach)", async () => {
    const lift = async (denominator: "reach" | "followers") => {
      const insights = await owner.caller.insights.get({ workspaceId, denominator });
      expect(insights.usesUciData).toBe(true);
      const rows = insights.lift.bySourceType.rows;
      return { status: rows.find((r) => r.key === "Status")!, photo: rows.find((r) => r.key === "Photo")! };
    };
    const perFollower = await lift("followers");
    expect(perFollower.status.n).toBe(45);
    expect(perFollower.photo.n).toBeGreaterThan(400);
    expect(perFollower.status.lift).toBeGreaterThan(perFollower.photo.lift);
    // Status posts reached about twice as many people, so per person reached the order flips.
    const perReach = await lift("reach");
    expect(perReach.photo.lift).toBeGreaterThan(perReach.status.lift);
  });

  it("keeps a content type a person confirmed when the file is imported again", async () => {
    const list = await owner.caller.post.list({ workspaceId, pageSize: 1 });
    const post = list.rows[0]!;
    await owner.caller.post.setContentType({ workspaceId, postId: post.id, contentType: "behind-the-scenes" });
    const again = await upload(UCI, "uci-csv");
    expect(await owner.caller.import.status({ workspaceId, importId: again })).toMatchObject({ newCount: 0, updatedCount: 0 });
    await commit(again);
    const [row] = await h.db.select().from(posts).where(eq(posts.id, post.id));
    expect(row).toMatchObject({ contentType: "behind-the-scenes", contentTypeSource: "confirmed" });
  });
});

describe("a file with bad rows", () => {
  const header = "Page total likes;Type;Category;Post Month;Post Weekday;Post Hour;Paid;Lifetime Post Total Reach;Lifetime Post Total Impressions;Lifetime Engaged Users;Lifetime Post Consumers;Lifetime Post Consumptions;comment;like;share;Total Interactions";
  const good = "1000;Photo;2;12;4;3;0;2752;5091;178;109;159;4;79;17;100";
  const text = [header, good, "1000;Photo;2;12;9;3;0;2752;5091;178;109;159;4;79;17;100", good.replace("Photo", "Status"), "1000;Photo;2;12;4;3;0;lots;5091;178;109;159;4;79;17;100"].join("\n");

  it("writes nothing until confirmed, then exactly the good rows, and lists each bad row with its reason", async () => {
    const other = (await owner.caller.socialProfile.create({ workspaceId, platform: "instagram", handle: "other", displayName: "O", timeZone: "UTC", followerCount: 1 })).id;
    const before = await postCount();
    const saved = profileId;
    profileId = other;
    try {
      const id = await upload({ text }, "uci-csv");
      expect(await owner.caller.import.status({ workspaceId, importId: id })).toMatchObject({ newCount: 2, rejectedCount: 2 });
      expect(await postCount()).toBe(before);
      expect(await owner.caller.import.rejections({ workspaceId, importId: id })).toEqual([
        { row: 3, reason: "Post Weekday must be 1-7" },
        { row: 5, reason: 'Lifetime Post Total Reach "lots" is not a number' },
      ]);
      expect(await commit(id)).toMatchObject({ status: "done", newCount: 2 });
      expect(await postCount()).toBe(before + 2);
    } finally {
      profileId = saved;
    }
  });

  it("fails with a clear message when the header is not the expected layout, writing nothing", async () => {
    const id = await upload({ text: "a;b\n1;2\n" }, "uci-csv");
    const s = await owner.caller.import.status({ workspaceId, importId: id });
    expect(s.status).toBe("failed");
    expect(s.error).toMatch(/^Not the UCI Facebook metrics layout: missing Page total likes/);
    await expect(owner.caller.import.commit({ workspaceId, importId: id })).rejects.toThrow("This import is not ready to confirm");
  });
});

describe("Instagram's posts JSON", () => {
  it("imports captions and dates (no metrics), repairing the export's double-encoded UTF-8, idempotently", async () => {
    const json = JSON.stringify([
      { media: [{ uri: "a.jpg", creation_timestamp: 1700000000, title: "Caf\u00c3\u00a9 time" }] },
      { media: [{ uri: "b.jpg" }, { uri: "c.mp4" }], title: "Two", creation_timestamp: 1700003600 },
      { nothing: true },
    ]);
    const id = await upload({ text: json }, "instagram-json", "posts_1.json");
    const preview = await owner.caller.import.status({ workspaceId, importId: id });
    expect(preview).toMatchObject({ status: "previewed", newCount: 2 });
    expect(preview.rejectedCount).toBe(1);
    expect(await commit(id)).toMatchObject({ status: "done", newCount: 2 });
    const captions = (await h.db.select({ caption: posts.caption }).from(posts).where(eq(posts.profileId, profileId))).map((r) => r.caption);
    expect(captions).toContain("Café time");
    const again = await upload({ text: json }, "instagram-json", "posts_1.json");
    expect(await owner.caller.import.status({ workspaceId, importId: again })).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 2 });
  });
});

describe("the same post from two sources", () => {
  it("Instagram's JSON, then a Meta CSV with its metrics: matched on publish minute and caption, not doubled", async () => {
    const ig = (await owner.caller.socialProfile.create({ workspaceId, platform: "instagram", handle: "twice", displayName: "Twice", timeZone: "UTC", followerCount: 10 })).id;
    const json = JSON.stringify([
      { media: [{ uri: "media/posts/1.jpg", creation_timestamp: 1700000000, title: "Fresh  croissants\nevery morning" }] },
      { media: [{ uri: "media/posts/2.jpg", creation_timestamp: 1700090000, title: "Bread" }] },
    ]);
    expect(await commit(await upload({ text: json }, "instagram-json", "posts_1.json", ig))).toMatchObject({ newCount: 2 });
    const csv = "Post ID,Publish time,Description,Likes,Comments,Saves,Reach\n" +
      "17900000001,11/14/2023 22:13,Fresh croissants every morning,40,5,3,900\n" +
      "17900000002,11/20/2023 09:00,Another post,10,1,0,300\n";
    const id = await upload({ text: csv }, "meta-csv", "export.csv", ig);
    expect(await owner.caller.import.status({ workspaceId, importId: id })).toMatchObject({ newCount: 1, updatedCount: 1 });
    await commit(id);
    const rows = await h.db.select({ caption: posts.caption, likes: posts.likes, saves: posts.saves }).from(posts).where(eq(posts.profileId, ig));
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.caption?.startsWith("Fresh"))).toMatchObject({ likes: 40, saves: 3 });
    // The JSON again: matched to the same posts, and its missing counts do not erase the CSV's.
    const again = await upload({ text: json }, "instagram-json", "posts_1.json", ig);
    expect(await owner.caller.import.status({ workspaceId, importId: again })).toMatchObject({ newCount: 0 });
    await commit(again);
    const after = await h.db.select({ likes: posts.likes }).from(posts).where(and(eq(posts.profileId, ig), eq(posts.likes, 40)));
    expect(after).toHaveLength(1);
    expect(await h.db.select({ n: count() }).from(posts).where(eq(posts.profileId, ig))).toEqual([{ n: 3 }]);
  });
});

describe("dismissing an import", () => {
  it("removes a failed import from the list, and refuses to remove a finished one", async () => {
    const failed = await upload({ text: "not,a,known,header\n1,2,3,4\n" }, "meta-csv", "wrong.csv");
    expect((await owner.caller.import.status({ workspaceId, importId: failed })).status).toBe("failed");
    await owner.caller.import.dismiss({ workspaceId, importId: failed });
    expect((await owner.caller.import.list({ workspaceId })).some((i) => i.id === failed)).toBe(false);
    const done = (await owner.caller.import.list({ workspaceId })).find((i) => i.status === "done")!;
    await expect(owner.caller.import.dismiss({ workspaceId, importId: done.id })).rejects.toThrow(/Only a failed or cancelled import/);
  });
});

describe("follower history", () => {
  it("imports daily counts by date, idempotently", async () => {
    const text = "Date,Followers\n2026-01-01,100\n2026-01-02,105\n2026-01-03,oops\n";
    const id = await upload({ text }, "followers-csv");
    expect(await owner.caller.import.status({ workspaceId, importId: id })).toMatchObject({ newCount: 2, rejectedCount: 1 });
    expect(await commit(id)).toMatchObject({ newCount: 2 });
    const again = await upload({ text: "Date,Followers\n2026-01-01,100\n2026-01-02,106\n" }, "followers-csv");
    expect(await owner.caller.import.status({ workspaceId, importId: again })).toMatchObject({ newCount: 0, updatedCount: 1, unchangedCount: 1 });
  });
});

describe("after a restart", () => {
  it("resumes a dry run cut short and sends a commit cut short back to its preview, having written nothing", async () => {
    const storageKey = crypto.randomUUID();
    copyFileSync(UCI, path.join(dir, storageKey));
    const other = (await owner.caller.socialProfile.create({ workspaceId, platform: "x", handle: "restart", displayName: "R", timeZone: "UTC", followerCount: 1 })).id;
    const [analysing] = await h.db
      .insert(imports)
      .values({ workspaceId, profileId: other, kind: "uci-csv", fileName: "a.csv", fileBytes: 1, storageKey, status: "analysing", rowsProcessed: 120 })
      .returning();
    const [committing] = await h.db
      .insert(imports)
      .values({ workspaceId, profileId: other, kind: "uci-csv", fileName: "b.csv", fileBytes: 1, storageKey, status: "committing", newCount: 500 })
      .returning();
    const before = await postCount();
    expect(await recoverImports(h.db, dir)).toEqual({ resumed: 1, reverted: 1 });
    await whenIdle();
    expect(await owner.caller.import.status({ workspaceId, importId: analysing!.id })).toMatchObject({ status: "previewed", newCount: 500, rowsProcessed: 500 });
    const reverted = await owner.caller.import.status({ workspaceId, importId: committing!.id });
    expect(reverted.status).toBe("previewed");
    expect(reverted.error).toMatch(/restarted during the import; nothing was written/);
    expect(await postCount()).toBe(before);
  });
});

describe("the dry run stages the file's good rows once and the commit writes them", () => {
  const header = "Post ID,Publish time,Description,Post type,Content type,Likes,Comments,Reach";
  const metaCsv = (rows: string[]) => [header, ...rows].join("\n") + "\n";
  const newProfile = async (handle: string) =>
    (await owner.caller.socialProfile.create({ workspaceId, platform: "instagram", handle, displayName: handle, timeZone: "UTC", followerCount: 10 })).id;
  const first = metaCsv([
    '1,03/01/2026 10:00,"Hello, ""world""",IG image,product,10,1,100',
    "2,03/02/2026 10:00,Second,IG image,product,20,2,200",
    "3,03/03/2026 10:00,Third,IG carousel,offer,30,3,300",
  ]);

  it("commits from the staging without reading the file again, then removes the staging", async () => {
    const profile = await newProfile("staged");
    const id = await upload({ text: first }, "meta-csv", "a.csv", profile);
    expect(await owner.caller.import.status({ workspaceId, importId: id })).toMatchObject({ status: "previewed", newCount: 3, rejectedCount: 0 });
    expect(await stagedCount(id)).toBe(3);
    rmSync(await fileOf(id));
    expect(await commit(id)).toMatchObject({ status: "done", newCount: 3, updatedCount: 0, error: null });
    expect(await stagedCount(id)).toBe(0);
    const stored = await h.db.select().from(posts).where(eq(posts.profileId, profile));
    expect(stored.map((p) => p.caption).sort()).toEqual(['Hello, "world"', "Second", "Third"]);
    expect(stored.every((p) => p.importId === id && p.workspaceId === workspaceId)).toBe(true);
  });

  it("counts in the preview exactly what the commit then writes when rows changed, keeping a confirmed content type", async () => {
    const profile = await newProfile("changed");
    await commit(await upload({ text: first }, "meta-csv", "a.csv", profile));
    const byExternal = async (externalId: string) =>
      (await h.db.select().from(posts).where(and(eq(posts.profileId, profile), eq(posts.externalId, externalId))))[0]!;
    await owner.caller.post.setContentType({ workspaceId, postId: (await byExternal("1")).id, contentType: "behind-the-scenes" });

    const second = metaCsv([
      '1,03/01/2026 10:00,"Hello, ""world""",IG image,offer,10,1,100', // only the content type differs: a person confirmed it
      "2,03/02/2026 10:00,Second,IG image,product,99,2,200", // likes changed
      "3,03/03/2026 10:00,Third,IG carousel,offer,30,3,300", // unchanged
      "4,03/04/2026 10:00,Fourth,IG image,,40,4,400", // new
      "2,03/02/2026 10:00,Again,IG image,product,1,1,1", // same id twice in the file
    ]);
    const id = await upload({ text: second }, "meta-csv", "b.csv", profile);
    const preview = await owner.caller.import.status({ workspaceId, importId: id });
    expect(preview).toMatchObject({ status: "previewed", newCount: 1, updatedCount: 1, unchangedCount: 2, rejectedCount: 1 });
    expect(await owner.caller.import.rejections({ workspaceId, importId: id })).toEqual([{ row: 6, reason: "Same post id as row 3" }]);
    expect(await commit(id)).toMatchObject({ status: "done", newCount: preview.newCount, updatedCount: preview.updatedCount });
    expect(await byExternal("1")).toMatchObject({ contentType: "behind-the-scenes", contentTypeSource: "confirmed" });
    expect(await byExternal("2")).toMatchObject({ likes: 99, caption: "Second", importId: id });
    expect((await byExternal("3")).importId).not.toBe(id);
    expect(await byExternal("4")).toMatchObject({ likes: 40, contentType: null, importId: id });

    const again = await upload({ text: second }, "meta-csv", "b.csv", profile);
    expect(await owner.caller.import.status({ workspaceId, importId: again })).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 4 });
    expect(await commit(again)).toMatchObject({ status: "done", newCount: 0, updatedCount: 0 });
  });

  it("removes the staging and the file when the import is cancelled", async () => {
    const profile = await newProfile("cancelled");
    const id = await upload({ text: first }, "meta-csv", "a.csv", profile);
    const file = await fileOf(id);
    expect(await stagedCount(id)).toBe(3);
    await owner.caller.import.cancel({ workspaceId, importId: id });
    expect(await owner.caller.import.status({ workspaceId, importId: id })).toMatchObject({ status: "cancelled" });
    expect(await stagedCount(id)).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(await h.db.select({ n: count() }).from(posts).where(eq(posts.profileId, profile))).toEqual([{ n: 0 }]);
  });

  it("starts the staging over when the dry run runs again", async () => {
    const profile = await newProfile("rerun");
    const id = await upload({ text: first }, "meta-csv", "a.csv", profile);
    await analyseImport(h.db, dir, id);
    expect(await stagedCount(id)).toBe(3);
    expect(await owner.caller.import.status({ workspaceId, importId: id })).toMatchObject({ status: "previewed", newCount: 3 });
  });

  it("removes what it staged when the file turns out broken after many rows", async () => {
    const profile = await newProfile("broken");
    const rows = Array.from({ length: 6000 }, (_, i) => `${i + 1},03/01/2026 10:00,Row ${i + 1},IG image,,1,0,10`);
    const id = await upload({ text: metaCsv(rows) + '7000,03/01/2026 10:00,"never closed,IG image,,1,0,10\n' }, "meta-csv", "broken.csv", profile);
    const s = await owner.caller.import.status({ workspaceId, importId: id });
    expect(s.status).toBe("failed");
    expect(s.error).toMatch(/could not be read as CSV/);
    expect(await stagedCount(id)).toBe(0);
    expect(await h.db.select({ n: count() }).from(importRejections).where(eq(importRejections.importId, id))).toEqual([{ n: 0 }]);
  });

  it("makes the preview again, writing nothing, when the staged rows are missing at confirmation", async () => {
    const profile = await newProfile("missing");
    const id = await upload({ text: first }, "meta-csv", "a.csv", profile);
    // A preview made before staging existed (or whose staged rows were lost) has no staged rows.
    await h.db.delete(importStagedPosts).where(eq(importStagedPosts.importId, id));
    const redone = await commit(id);
    expect(redone).toMatchObject({ status: "previewed", newCount: 3 });
    expect(redone.error).toMatch(/preview had to be made again from the file; nothing was written/);
    expect(await h.db.select({ n: count() }).from(posts).where(eq(posts.profileId, profile))).toEqual([{ n: 0 }]);
    expect(await commit(id)).toMatchObject({ status: "done", newCount: 3, error: null });
  });

  it("fails cleanly when the staged rows and the file are both gone", async () => {
    const profile = await newProfile("gone");
    const id = await upload({ text: first }, "meta-csv", "a.csv", profile);
    await h.db.delete(importStagedPosts).where(eq(importStagedPosts.importId, id));
    rmSync(await fileOf(id));
    const s = await commit(id);
    expect(s.status).toBe("failed");
    expect(s.error).toMatch(/The uploaded file is gone/);
    expect(await h.db.select({ n: count() }).from(posts).where(eq(posts.profileId, profile))).toEqual([{ n: 0 }]);
  });

  it("commits from intact staging after a restart sent the commit back to its preview", async () => {
    const profile = await newProfile("restarted");
    const id = await upload({ text: first }, "meta-csv", "a.csv", profile);
    await h.db.update(imports).set({ status: "committing" }).where(eq(imports.id, id));
    expect(await recoverImports(h.db, dir)).toEqual({ resumed: 0, reverted: 1 });
    expect(await owner.caller.import.status({ workspaceId, importId: id })).toMatchObject({ status: "previewed", newCount: 3 });
    expect(await stagedCount(id)).toBe(3);
    expect(await commit(id)).toMatchObject({ status: "done", newCount: 3, error: null });
    expect(await stagedCount(id)).toBe(0);
  });
});
