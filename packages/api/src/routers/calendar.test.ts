/**
 * The calendar, the queue and "This week" through the procedures: range filters and per-day counts,
 * the best-slot overlay against the insights heatmap on the same data, the Instagram grid, posting
 * slots with their suggestions, "add to queue", and the home page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import {
  addDaysToLocalDate,
  generateSyntheticHistory,
  localDateTimeOf,
  weekdayOfLocalDate,
  weekStartOfLocalDate,
} from "@rapport/core";
import { openTestDatabase } from "@rapport/db/testing/open";
import { drafts, eq, media, posts, type DatabaseHandle } from "@rapport/db";
import { whenIdle } from "../services/imports";
import { createUser, type TestUser } from "../testing/factories";

let h: DatabaseHandle;
let ana: TestUser;
let ws: { id: string };
let ig: { id: string };
let fb: { id: string };
let images: string[] = [];

async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected a TRPCError");
}

beforeAll(async () => {
  h = await openTestDatabase();
  ana = await createUser(h.db);
  ws = await ana.caller.workspace.create({ name: "Calendar" });
  ig = await ana.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "instagram",
    handle: "cafe",
    displayName: "Cafe",
    timeZone: "Europe/Paris",
    followerCount: 5000,
  });
  fb = await ana.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "facebook",
    handle: "cafe",
    displayName: "Cafe",
    timeZone: "America/New_York",
    followerCount: 5000,
  });
  const history = generateSyntheticHistory(800, {
    seed: 21,
    platform: "instagram",
    startFollowers: 5000,
  });
  await h.db.insert(posts).values(
    history.map((p, i) => ({
      workspaceId: ws.id,
      profileId: ig.id,
      externalId: `syn-${i}`,
      publishedAt: p.publishedAt ? new Date(p.publishedAt) : null,
      contentType: p.contentType ?? null,
      format: p.format ?? null,
      caption: p.caption ?? null,
      followers: p.followers ?? null,
      reach: p.reach ?? null,
      likes: p.likes ?? null,
      comments: p.comments ?? null,
      shares: p.shares ?? null,
      saves: p.saves ?? null,
    })),
  );
  const rows = await h.db
    .insert(media)
    .values(
      [0, 1, 2].map((i) => ({
        workspaceId: ws.id,
        sha256: String(i).repeat(64),
        mimeType: "image/png",
        byteSize: 1,
        storageKey: `k${i}`,
      })),
    )
    .returning();
  images = rows.map((r) => r.id);
});
afterAll(async () => {
  // Adding posts queues a re-score of open drafts: let it finish before the database closes.
  await whenIdle();
  await h.close();
});

async function planned(
  profileId: string,
  plannedLocal: string,
  extra: { contentType?: string; format?: "single-image" | "text"; caption?: string } = {},
) {
  const d = await ana.caller.draft.create({
    workspaceId: ws.id,
    profileId,
    caption: extra.caption ?? "Planned",
    contentType: extra.contentType,
    format: extra.format,
    plannedLocal,
  });
  return d;
}

describe("calendar.range", () => {
  it("filters by profile, content type and status, counts per local day, and refuses silly ranges", async () => {
    const a = await planned(ig.id, "2031-09-01T23:30", { contentType: "offer" });
    const b = await planned(fb.id, "2031-09-01T21:00", { contentType: "product" });
    const c = await planned(fb.id, "2031-09-02T10:00", { contentType: "offer" });
    await ana.caller.draft.transition({
      workspaceId: ws.id,
      draftId: c.id,
      to: "cancelled",
      expectedVersion: c.version,
    });
    const range = {
      workspaceId: ws.id,
      from: new Date("2031-09-01T00:00:00Z"),
      to: new Date("2031-09-04T00:00:00Z"),
    };
    const all = await ana.caller.calendar.range(range);
    // In time order: 23:30 in Paris is 21:30 UTC; 21:00 in New York is 01:00 UTC on the 2nd, still the 1st on its clock.
    expect(all.items.map((i) => i.draftId)).toEqual([a.id, b.id]);
    expect(all.items.map((i) => [i.localDate, i.localTime])).toEqual([
      ["2031-09-01", "23:30"],
      ["2031-09-01", "21:00"],
    ]);
    expect(all.days).toEqual([{ date: "2031-09-01", total: 2, byStatus: { draft: 2 } }]);
    expect(
      (await ana.caller.calendar.range({ ...range, profileIds: [fb.id] })).items.map(
        (i) => i.draftId,
      ),
    ).toEqual([b.id]);
    expect(
      (await ana.caller.calendar.range({ ...range, contentTypes: ["offer"] })).items.map(
        (i) => i.draftId,
      ),
    ).toEqual([a.id]);
    expect(
      (await ana.caller.calendar.range({ ...range, statuses: ["cancelled"] })).items.map(
        (i) => i.draftId,
      ),
    ).toEqual([c.id]);
    expect(
      (
        await trpcError(
          ana.caller.calendar.range({ ...range, to: new Date("2032-09-01T00:00:00Z") }),
        )
      ).message,
    ).toBe("Ask for at most 100 days at a time.");
    expect((await trpcError(ana.caller.calendar.range({ ...range, to: range.from }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("the cadence guardrail on the calendar", () => {
  it("warns on a planned week busier than the account's history says pays off, with its evidence", async () => {
    const w = await ana.caller.workspace.create({ name: "Cadence" });
    const p = await ana.caller.socialProfile.create({
      workspaceId: w.id,
      platform: "facebook",
      handle: "cad",
      displayName: "Cad",
      timeZone: "UTC",
      followerCount: 10,
    });
    // Seven past weeks: usually 2 posts; the two 4-post weeks brought no more in total.
    const monday = weekStartOfLocalDate(localDateTimeOf(Date.now(), "UTC")!.slice(0, 10));
    const weeks = [
      [100, 100],
      [110, 90],
      [100, 100],
      [50, 50, 50, 50],
      [100, 100],
      [45, 50, 55, 50],
      [100, 105],
    ];
    const rows = weeks.flatMap((likes, k) =>
      likes.map((l, i) => ({
        workspaceId: w.id,
        profileId: p.id,
        externalId: `c${k}-${i}`,
        publishedAt: new Date(`${addDaysToLocalDate(monday, (k - 8) * 7 + i)}T12:00:00Z`),
        reach: 1000,
        likes: l,
      })),
    );
    await h.db.insert(posts).values(rows);
    const target = addDaysToLocalDate(monday, 21);
    for (let i = 0; i < 4; i++)
      await ana.caller.draft.create({
        workspaceId: w.id,
        profileId: p.id,
        caption: `Post ${i}`,
        plannedLocal: `${addDaysToLocalDate(target, i)}T12:00`,
      });
    const r = await ana.caller.calendar.range({
      workspaceId: w.id,
      from: new Date(`${target}T00:00:00Z`),
      to: new Date(`${addDaysToLocalDate(target, 7)}T00:00:00Z`),
    });
    expect(r.cadence).toEqual([
      {
        profileId: p.id,
        kind: "week",
        date: target,
        posts: 4,
        message:
          "4 posts this week (usually 2): in 2 of 2 past weeks with more than 2 posts, the extra posts did not add to the week's total.",
      },
    ]);
    expect(r.cadenceSummaries).toEqual([
      {
        profileId: p.id,
        typicalPostsPerWeek: 2,
        summary: "1 week and 0 days have more posts than your history says pays off.",
      },
    ]);
  });
});

describe("best slots", () => {
  it("the overlay names the same slots as the insights heatmap, on the same data", async () => {
    const insights = await ana.caller.insights.get({ workspaceId: ws.id, profileId: ig.id });
    const overlay = await ana.caller.calendar.bestSlots({ workspaceId: ws.id, profileId: ig.id });
    const heat = insights.heatmap!;
    expect(heat.bestSlots.length).toBeGreaterThan(0);
    expect(overlay.best.map((s) => [s.weekday, s.startHour, s.lift, s.n])).toEqual(
      heat.bestSlots.map((s) => [s.weekday, s.startHour, s.lift, s.n]),
    );
    expect(overlay.cells.map((c) => c.lift)).toEqual(heat.cells.map((c) => c.lift));
    expect(overlay).toMatchObject({
      n: heat.n,
      denominator: heat.denominator,
      blockHours: heat.blockHours,
      timeZone: "Europe/Paris",
    });
  });
});

describe("best slots, again", () => {
  it("are recomputed as soon as the profile's posts change (the memo is keyed by the data version)", async () => {
    const before = await ana.caller.calendar.bestSlots({ workspaceId: ws.id, profileId: ig.id });
    await ana.caller.post.addManual({
      workspaceId: ws.id,
      profileId: ig.id,
      publishedAt: "2026-01-05T10:00:00Z",
      reach: 1000,
      likes: 40,
    });
    const after = await ana.caller.calendar.bestSlots({ workspaceId: ws.id, profileId: ig.id });
    expect(after.n).toBe(before.n + 1);
  });
});

describe("calendar.grid", () => {
  it("shows planned posts (their first image) above past posts, newest first, for Instagram only", async () => {
    const later = await planned(ig.id, "2031-12-20T10:00", { caption: "Later" });
    const sooner = await planned(ig.id, "2031-12-10T10:00", { caption: "Sooner" });
    await ana.caller.media.attach({ workspaceId: ws.id, draftId: later.id, mediaId: images[1]! });
    await ana.caller.media.attach({ workspaceId: ws.id, draftId: later.id, mediaId: images[2]! });
    const grid = await ana.caller.calendar.grid({ workspaceId: ws.id, profileId: ig.id });
    const plannedTiles = grid.tiles.filter((t) => t.kind === "planned");
    expect(plannedTiles.slice(0, 2).map((t) => [t.title, t.mediaId])).toEqual([
      ["Later", images[1]],
      ["Sooner", null],
    ]);
    expect(grid.tiles.findIndex((t) => t.kind === "past")).toBe(plannedTiles.length);
    const past = grid.tiles.filter((t) => t.kind === "past");
    expect(past).toHaveLength(30);
    expect(past.map((t) => t.at!.getTime())).toEqual(
      [...past.map((t) => t.at!.getTime())].sort((x, y) => y - x),
    );
    const range = await ana.caller.calendar.range({
      workspaceId: ws.id,
      from: new Date("2031-12-01T00:00:00Z"),
      to: new Date("2031-12-31T00:00:00Z"),
    });
    expect(range.items.map((i) => [i.draftId, i.thumbnailMediaId])).toEqual([
      [sooner.id, null],
      [later.id, images[1]],
    ]);
    expect(
      (await trpcError(ana.caller.calendar.grid({ workspaceId: ws.id, profileId: fb.id }))).message,
    ).toMatch(/for Instagram profiles/);
  });
});

describe("posting slots and the queue", () => {
  it("suggests slots from the heatmap with their evidence, and keeps slots unique per profile", async () => {
    const s = await ana.caller.slots.suggest({ workspaceId: ws.id, profileId: ig.id });
    expect(s.suggestions.length).toBeGreaterThan(0);
    expect(s.suggestions[0]!.evidence).toMatch(
      /^\w+day \d\d:00: \d+(\.\d)?x your typical post .*from \d+ posts/,
    );
    const created = await ana.caller.slots.create({
      workspaceId: ws.id,
      profileId: ig.id,
      weekday: s.suggestions[0]!.weekday,
      localTime: s.suggestions[0]!.localTime,
      source: "suggested",
      evidence: s.suggestions[0]!.evidence,
    });
    expect(created.evidence).toBe(s.suggestions[0]!.evidence);
    expect(
      (await ana.caller.slots.suggest({ workspaceId: ws.id, profileId: ig.id })).suggestions[0]!
        .alreadyASlot,
    ).toBe(true);
    const dup = await trpcError(
      ana.caller.slots.create({
        workspaceId: ws.id,
        profileId: ig.id,
        weekday: created.weekday,
        localTime: created.localTime,
      }),
    );
    expect(dup.code).toBe("CONFLICT");
    const moved = await ana.caller.slots.update({
      workspaceId: ws.id,
      slotId: created.id,
      weekday: (created.weekday + 1) % 7,
      localTime: "07:15",
    });
    expect(moved).toMatchObject({ localTime: "07:15", source: "manual", evidence: null });
    expect(
      (
        await trpcError(
          ana.caller.slots.create({
            workspaceId: ws.id,
            profileId: ig.id,
            weekday: 7,
            localTime: "24:00",
          }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    await ana.caller.slots.delete({ workspaceId: ws.id, slotId: created.id });
    expect(await ana.caller.slots.list({ workspaceId: ws.id, profileId: ig.id })).toEqual([]);
  });

  it("add to queue takes the next free slot on the profile's clock, skipping taken ones, and schedules it", async () => {
    const p = await ana.caller.socialProfile.create({
      workspaceId: ws.id,
      platform: "linkedin",
      handle: "queue",
      displayName: "Queue",
      timeZone: "Asia/Tokyo",
      followerCount: 10,
    });
    const nothing = await ana.caller.draft.create({
      workspaceId: ws.id,
      profileId: p.id,
      caption: "First",
    });
    expect(
      (
        await trpcError(
          ana.caller.draft.addToQueue({
            workspaceId: ws.id,
            draftId: nothing.id,
            expectedVersion: nothing.version,
          }),
        )
      ).message,
    ).toMatch(/no posting slots yet/);
    // Slots every day at 08:00 and 20:00 Tokyo time.
    for (let d = 0; d < 7; d++) {
      await ana.caller.slots.create({
        workspaceId: ws.id,
        profileId: p.id,
        weekday: d,
        localTime: "08:00",
      });
      await ana.caller.slots.create({
        workspaceId: ws.id,
        profileId: p.id,
        weekday: d,
        localTime: "20:00",
      });
    }
    const now = Date.now();
    const expected: string[] = [];
    const today = localDateTimeOf(now, "Asia/Tokyo")!.slice(0, 10);
    for (let i = 0; expected.length < 3; i++) {
      const date = addDaysToLocalDate(today, i);
      for (const t of ["08:00", "20:00"])
        if (`${date}T${t}` > localDateTimeOf(now + 60_000, "Asia/Tokyo")!)
          expected.push(`${date}T${t}`);
    }
    const first = await ana.caller.draft.addToQueue({
      workspaceId: ws.id,
      draftId: nothing.id,
      expectedVersion: nothing.version,
    });
    expect(`${first.localDate}T${first.localTime}`).toBe(expected[0]);
    expect(first.status).toBe("scheduled");
    // The next slot is taken by a post someone planned by hand: the queue skips it.
    await ana.caller.draft.create({
      workspaceId: ws.id,
      profileId: p.id,
      caption: "By hand",
      plannedLocal: expected[1]!,
    });
    const third = await ana.caller.draft.create({
      workspaceId: ws.id,
      profileId: p.id,
      caption: "Third",
    });
    const q = await ana.caller.draft.addToQueue({
      workspaceId: ws.id,
      draftId: third.id,
      expectedVersion: third.version,
    });
    expect(`${q.localDate}T${q.localTime}`).toBe(expected[2]);
    expect(weekdayOfLocalDate(q.localDate)).toBeGreaterThanOrEqual(0);
    const history = await ana.caller.draft.history({ workspaceId: ws.id, draftId: third.id });
    expect(history.entries.at(-1)).toMatchObject({ toStatus: "scheduled", action: "schedule" });
    expect(history.entries.at(-1)?.comment).toMatch(
      /^Added to the queue: \w+day 0?\d\d:00 slot\.$/,
    );
  });

  it("a refused add to queue changes nothing", async () => {
    const d = await ana.caller.draft.create({
      workspaceId: ws.id,
      profileId: ig.id,
      caption: "No image yet",
      format: "single-image",
    });
    await ana.caller.slots.create({
      workspaceId: ws.id,
      profileId: ig.id,
      weekday: 2,
      localTime: "12:00",
    });
    const e = await trpcError(
      ana.caller.draft.addToQueue({
        workspaceId: ws.id,
        draftId: d.id,
        expectedVersion: d.version,
      }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    const [row] = await h.db.select().from(drafts).where(eq(drafts.id, d.id));
    expect(row).toMatchObject({ status: "draft", plannedAt: null, version: d.version });
  });
});

describe("home.thisWeek", () => {
  it("lays out today and the next seven days, review, empty slots and last week's scored posts", async () => {
    const w = await ana.caller.workspace.create({ name: "Home" });
    const p = await ana.caller.socialProfile.create({
      workspaceId: w.id,
      platform: "facebook",
      handle: "home",
      displayName: "Home",
      timeZone: "Europe/Paris",
      followerCount: 10,
    });
    const now = Date.now();
    const today = localDateTimeOf(now, "Europe/Paris")!.slice(0, 10);
    const inTwoDays = `${addDaysToLocalDate(today, 2)}T10:00`;
    const d = await ana.caller.draft.create({
      workspaceId: w.id,
      profileId: p.id,
      caption: "Soon",
      plannedLocal: inTwoDays,
    });
    await ana.caller.workspace.setApprovals({ workspaceId: w.id, required: true });
    const r = await ana.caller.draft.create({
      workspaceId: w.id,
      profileId: p.id,
      caption: "Check me",
    });
    await ana.caller.draft.transition({
      workspaceId: w.id,
      draftId: r.id,
      to: "in_review",
      expectedVersion: r.version,
    });
    const slotDay = addDaysToLocalDate(today, 3);
    await ana.caller.slots.create({
      workspaceId: w.id,
      profileId: p.id,
      weekday: weekdayOfLocalDate(slotDay),
      localTime: "12:00",
    });
    for (let i = 0; i < 5; i++) {
      await ana.caller.post.addManual({
        workspaceId: w.id,
        profileId: p.id,
        publishedAt: new Date(now - (i + 2) * 86_400_000).toISOString(),
        reach: 1000,
        likes: 50 + i * 10,
        comments: 5,
      });
    }
    const home = await ana.caller.home.thisWeek({ workspaceId: w.id });
    expect(home.timeZone).toBe("Europe/Paris");
    expect(home.days).toHaveLength(8);
    expect(home.days[0]).toMatchObject({ date: today, isToday: true });
    expect(home.days[2]!.items.map((i) => i.draftId)).toEqual([d.id]);
    expect(home.waitingForReview.map((i) => i.draftId)).toEqual([r.id]);
    expect(home.emptySlots.map((s) => [s.localDate, s.localTime])).toContainEqual([
      slotDay,
      "12:00",
    ]);
    expect(home.lastWeek.n).toBe(5);
    const newest = home.lastWeek.posts[0]!;
    expect(newest.quality?.label).toBe("weighted interactions per person reached");
    // The newest post is compared with the four before it: its performance index names its sample.
    expect(newest.performanceIndex).toMatchObject({ n: 4, denominator: "reach" });
  });
});
