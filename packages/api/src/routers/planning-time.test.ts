/**
 * Planned times on the profile's clock through the procedures: planning, display and rescheduling
 * across both DST changes in Europe/Paris and America/New_York (2031: Paris changes on 30 March and
 * 26 October, New York on 9 March and 2 November), and a profile's time-zone change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { localDateTimeOf } from "@rapport/core";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { createUser, type TestUser } from "../testing/factories";

let h: DatabaseHandle;
let ana: TestUser;
let ws: { id: string };
let paris: { id: string };
let ny: { id: string };

beforeAll(async () => {
  h = await openTestDatabase();
  ana = await createUser(h.db);
  ws = await ana.caller.workspace.create({ name: "Time" });
  paris = await ana.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "facebook",
    handle: "paris",
    displayName: "Paris",
    timeZone: "Europe/Paris",
    followerCount: 100,
  });
  ny = await ana.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "linkedin",
    handle: "ny",
    displayName: "NY",
    timeZone: "America/New_York",
    followerCount: 100,
  });
});
afterAll(() => h.close());

const post = (profileId: string, plannedLocal: string, caption = "Post") =>
  ana.caller.draft.create({ workspaceId: ws.id, profileId, caption, plannedLocal });

async function calendarItem(draftId: string, from: string, to: string) {
  const r = await ana.caller.calendar.range({
    workspaceId: ws.id,
    from: new Date(from),
    to: new Date(to),
  });
  return r.items.find((i) => i.draftId === draftId);
}

describe("planning on the profile's clock", () => {
  it.each([
    ["Paris, before spring", "paris", "2031-03-29T09:00", "2031-03-29T08:00:00.000Z"],
    ["Paris, after spring", "paris", "2031-03-31T09:00", "2031-03-31T07:00:00.000Z"],
    ["Paris, before autumn", "paris", "2031-10-25T09:00", "2031-10-25T07:00:00.000Z"],
    ["Paris, after autumn", "paris", "2031-10-27T09:00", "2031-10-27T08:00:00.000Z"],
    ["New York, before spring", "ny", "2031-03-08T09:00", "2031-03-08T14:00:00.000Z"],
    ["New York, after spring", "ny", "2031-03-10T09:00", "2031-03-10T13:00:00.000Z"],
    ["New York, before autumn", "ny", "2031-11-01T09:00", "2031-11-01T13:00:00.000Z"],
    ["New York, after autumn", "ny", "2031-11-03T09:00", "2031-11-03T14:00:00.000Z"],
  ] as const)(
    "%s: 09:00 local is stored as %s and shown as 09:00 on the calendar",
    async (_label, which, local, instant) => {
      const d = await post(which === "paris" ? paris.id : ny.id, local);
      expect(d.plannedAt?.toISOString()).toBe(instant);
      expect(d.plannedLocal).toBe(local);
      const item = await calendarItem(
        d.id,
        `${local.slice(0, 10)}T00:00:00Z`,
        `${local.slice(0, 10)}T23:59:00Z`,
      );
      expect(item).toMatchObject({
        localDate: local.slice(0, 10),
        localTime: "09:00",
        profileTimeZone: which === "paris" ? "Europe/Paris" : "America/New_York",
      });
    },
  );

  it("a time typed in the skipped hour goes out after the jump, and the save says so", async () => {
    const d = await post(paris.id, "2031-03-29T10:00");
    const saved = await ana.caller.draft.update({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: d.version,
      plannedLocal: "2031-03-30T02:30",
    });
    if (saved.status !== "saved") throw new Error("expected a save");
    expect(saved.draft.plannedAt?.toISOString()).toBe("2031-03-30T01:30:00.000Z");
    expect(saved.draft.plannedLocal).toBe("2031-03-30T03:30");
    expect(saved.resolution).toMatch(
      /02:30 does not exist on 2031-03-30 in Europe\/Paris .* goes out at 03:30/,
    );
  });
});

describe("rescheduling (drag and drop, keyboard)", () => {
  it("moving a Paris post across the spring change keeps 09:00 local", async () => {
    const d = await post(paris.id, "2031-03-28T09:00");
    const r = await ana.caller.draft.reschedule({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: d.version,
      localDate: "2031-04-01",
      localTime: "09:00",
    });
    expect(r).toMatchObject({
      localDate: "2031-04-01",
      localTime: "09:00",
      resolution: null,
      version: d.version + 1,
      status: "draft",
    });
    expect(r.plannedAt.toISOString()).toBe("2031-04-01T07:00:00.000Z");
    expect(await calendarItem(d.id, "2031-03-31T00:00:00Z", "2031-04-03T00:00:00Z")).toMatchObject({
      localDate: "2031-04-01",
      localTime: "09:00",
      version: r.version,
    });
  });

  it("moving a New York post across the autumn change keeps 09:00 local", async () => {
    const d = await post(ny.id, "2031-10-30T09:00");
    const r = await ana.caller.draft.reschedule({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: d.version,
      localDate: "2031-11-04",
      localTime: "09:00",
    });
    expect(r.plannedAt.toISOString()).toBe("2031-11-04T14:00:00.000Z");
  });

  it.each([
    [
      "Paris, across the autumn change",
      "paris",
      "2031-10-24T09:00",
      "2031-10-28",
      "2031-10-28T08:00:00.000Z",
    ],
    [
      "New York, across the spring change",
      "ny",
      "2031-03-07T09:00",
      "2031-03-11",
      "2031-03-11T13:00:00.000Z",
    ],
  ] as const)("%s: 09:00 stays 09:00", async (_label, which, local, toDate, instant) => {
    const d = await post(which === "paris" ? paris.id : ny.id, local);
    const r = await ana.caller.draft.reschedule({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: d.version,
      localDate: toDate,
      localTime: "09:00",
    });
    expect(r.plannedAt.toISOString()).toBe(instant);
    expect(r).toMatchObject({ localDate: toDate, localTime: "09:00", resolution: null });
  });

  it("into a time that happens twice: the earlier one, with the resolution to show", async () => {
    const d = await post(ny.id, "2031-10-30T09:00");
    const r = await ana.caller.draft.reschedule({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: d.version,
      localDate: "2031-11-02",
      localTime: "01:30",
    });
    expect(r.plannedAt.toISOString()).toBe("2031-11-02T05:30:00.000Z");
    expect(r.resolution).toMatch(
      /01:30 happens twice on 2031-11-02 in America\/New York .* first 01:30/,
    );
  });

  it("into the Paris spring gap: forward by the gap", async () => {
    const d = await post(paris.id, "2031-03-28T09:00");
    const r = await ana.caller.draft.reschedule({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: d.version,
      localDate: "2031-03-30",
      localTime: "02:30",
    });
    expect(r).toMatchObject({ localTime: "03:30" });
    expect(r.resolution).toContain("moved forward by the hour the clocks skip");
  });

  it("refuses a stale version, a scheduled post moved into the past, and nonsense dates, changing nothing", async () => {
    const d = await post(paris.id, "2031-05-05T09:00");
    const stale = await ana.caller.draft
      .reschedule({
        workspaceId: ws.id,
        draftId: d.id,
        expectedVersion: d.version + 5,
        localDate: "2031-05-06",
        localTime: "09:00",
      })
      .catch((e: unknown) => e);
    expect((stale as TRPCError).code).toBe("CONFLICT");
    const bad = await ana.caller.draft
      .reschedule({
        workspaceId: ws.id,
        draftId: d.id,
        expectedVersion: d.version,
        localDate: "2031-02-30",
        localTime: "25:00",
      })
      .catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
    const s = await ana.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "scheduled",
      expectedVersion: d.version,
    });
    const past = await ana.caller.draft
      .reschedule({
        workspaceId: ws.id,
        draftId: d.id,
        expectedVersion: s.version,
        localDate: "2020-05-06",
        localTime: "09:00",
      })
      .catch((e: unknown) => e);
    expect((past as TRPCError).code).toBe("BAD_REQUEST");
    const now = await ana.caller.draft.get({ workspaceId: ws.id, draftId: d.id });
    expect(now).toMatchObject({
      version: s.version,
      plannedLocal: "2031-05-05T09:00",
      status: "scheduled",
    });
  });
});

describe("a profile's time-zone change", () => {
  it("keeps planned posts at their local time, reports which moved, and leaves finished posts alone", async () => {
    const p = await ana.caller.socialProfile.create({
      workspaceId: ws.id,
      platform: "x",
      handle: "mover",
      displayName: "Mover",
      timeZone: "Europe/Paris",
      followerCount: 1,
    });
    const a = await post(p.id, "2031-06-02T09:00", "Monday coffee");
    const b = await post(p.id, "2031-11-03T18:30", "Evening menu");
    const c = await post(p.id, "2031-06-03T09:00", "Cancelled one");
    await ana.caller.draft.transition({
      workspaceId: ws.id,
      draftId: c.id,
      to: "cancelled",
      expectedVersion: c.version,
    });
    const s = await ana.caller.draft.transition({
      workspaceId: ws.id,
      draftId: b.id,
      to: "scheduled",
      expectedVersion: b.version,
    });
    const updated = await ana.caller.socialProfile.update({
      workspaceId: ws.id,
      profileId: p.id,
      platform: "x",
      handle: "mover",
      displayName: "Mover",
      timeZone: "America/New_York",
      followerCount: 1,
    });
    expect(
      updated.movedPosts.map((m) => [
        m.title,
        m.plannedLocal,
        m.from.toISOString(),
        m.to.toISOString(),
        m.unscheduled,
      ]),
    ).toEqual([
      [
        "Monday coffee",
        "2031-06-02T09:00",
        "2031-06-02T07:00:00.000Z",
        "2031-06-02T13:00:00.000Z",
        false,
      ],
      [
        "Evening menu",
        "2031-11-03T18:30",
        "2031-11-03T17:30:00.000Z",
        "2031-11-03T23:30:00.000Z",
        false,
      ],
    ]);
    expect(
      (await ana.caller.draft.get({ workspaceId: ws.id, draftId: a.id })).plannedAt?.toISOString(),
    ).toBe("2031-06-02T13:00:00.000Z");
    const after = await ana.caller.draft.get({ workspaceId: ws.id, draftId: b.id });
    expect(after).toMatchObject({
      status: "scheduled",
      plannedLocal: "2031-11-03T18:30",
      version: s.version + 1,
    });
    expect(
      (await ana.caller.draft.get({ workspaceId: ws.id, draftId: c.id })).plannedAt?.toISOString(),
    ).toBe("2031-06-03T07:00:00.000Z");
    const same = await ana.caller.socialProfile.update({
      workspaceId: ws.id,
      profileId: p.id,
      platform: "x",
      handle: "mover",
      displayName: "Mover 2",
      timeZone: "America/New_York",
      followerCount: 1,
    });
    expect(same.movedPosts).toEqual([]);
  });

  it("unschedules a scheduled post whose local time has already passed on the new clock, saying why", async () => {
    const p = await ana.caller.socialProfile.create({
      workspaceId: ws.id,
      platform: "x",
      handle: "soon",
      displayName: "Soon",
      timeZone: "Europe/Paris",
      followerCount: 1,
    });
    const local = localDateTimeOf(Date.now() + 3 * 3_600_000, "Europe/Paris") as string;
    const d = await post(p.id, local, "Lunch special");
    await ana.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "scheduled",
      expectedVersion: d.version,
    });
    const updated = await ana.caller.socialProfile.update({
      workspaceId: ws.id,
      profileId: p.id,
      platform: "x",
      handle: "soon",
      displayName: "Soon",
      timeZone: "Pacific/Kiritimati",
      followerCount: 1,
    });
    expect(updated.movedPosts).toMatchObject([
      { draftId: d.id, plannedLocal: local, unscheduled: true, status: "draft" },
    ]);
    const history = await ana.caller.draft.history({ workspaceId: ws.id, draftId: d.id });
    expect(history.entries.at(-1)).toMatchObject({
      fromStatus: "scheduled",
      toStatus: "draft",
      action: "unschedule",
    });
    expect(history.entries.at(-1)?.comment).toContain(
      "after the profile's time zone changed to Pacific/Kiritimati",
    );
  });
});
