import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { createUser, type TestUser } from "../../testing/factories";
import { transitionDraft } from "../draft-lifecycle";
import { createFeed, renderFeed, revokeFeed } from "./ics";
import { scheduleDraft } from "./testing";

let h: DatabaseHandle;
let owner: TestUser;
let ws: { id: string };
let paris: { id: string };
let newYork: { id: string };
const NOW = new Date("2026-01-05T12:00:00Z");
const opts = { appOrigin: "https://rapport.test", now: NOW };

/** 09:00 local, either side of each zone's spring-forward (Paris: 29 March; New York: 8 March 2026). */
const planned = {
  parisBefore: new Date("2026-03-28T08:00:00Z"),
  parisAfter: new Date("2026-03-30T07:00:00Z"),
  nyBefore: new Date("2026-03-07T14:00:00Z"),
  nyAfter: new Date("2026-03-09T13:00:00Z"),
};
const ids: Record<keyof typeof planned, string> = {
  parisBefore: "",
  parisAfter: "",
  nyBefore: "",
  nyAfter: "",
};

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
}

beforeAll(async () => {
  h = await openTestDatabase();
  owner = await createUser(h.db);
  ws = await owner.caller.workspace.create({ name: "Two cities" });
  paris = await owner.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "facebook",
    handle: "bistro.paris",
    displayName: "Paris",
    timeZone: "Europe/Paris",
    followerCount: 10,
  });
  newYork = await owner.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "facebook",
    handle: "bistro.nyc",
    displayName: "NYC",
    timeZone: "America/New_York",
    followerCount: 10,
  });
  for (const key of Object.keys(planned) as (keyof typeof planned)[]) {
    const profileId = key.startsWith("paris") ? paris.id : newYork.id;
    const d = await scheduleDraft(h.db, {
      workspaceId: ws.id,
      profileId,
      userId: owner.user.id,
      plannedAt: planned[key],
      caption: `Brunch ${key}\nsecond line`,
      now: NOW,
    });
    ids[key] = d.id;
  }
});
afterAll(() => h.close());

describe("calendar feed", () => {
  it("shows every scheduled post at its local time on its profile's clock, across DST, with reply blocks", async () => {
    const feed = await createFeed(h.db, ws.id, owner.user.id, {
      profileId: null,
      replyBlocks: true,
      replyBlockMinutes: 30,
    });
    const events = parse((await renderFeed(h.db, feed.token, opts))!);
    for (const key of Object.keys(planned) as (keyof typeof planned)[]) {
      const post = events.find((e) => e.uid === `${ids[key]}@rapport`)!;
      expect(post, key).toBeDefined();
      expect(post.startDate.zone.tzid).toBe(
        key.startsWith("paris") ? "Europe/Paris" : "America/New_York",
      );
      expect([post.startDate.hour, post.startDate.minute], key).toEqual([9, 0]);
      expect(post.startDate.toJSDate().toISOString(), key).toBe(planned[key].toISOString());
      expect(post.summary).toBe(
        `Post on facebook @${key.startsWith("paris") ? "bistro.paris" : "bistro.nyc"}: Brunch ${key}`,
      );
      const reply = events.find((e) => e.uid === `${ids[key]}-reply@rapport`)!;
      expect(reply.summary).toMatch(/^Reply to comments on @/);
      expect(
        [reply.startDate.hour, reply.startDate.minute, reply.endDate.hour, reply.endDate.minute],
        key,
      ).toEqual([9, 15, 9, 45]);
    }
    expect(events).toHaveLength(8);
  });

  it("keeps a post's UID, raises its SEQUENCE on each change, and shows a cancelled post as cancelled", async () => {
    const feed = await createFeed(h.db, ws.id, owner.user.id, {
      profileId: paris.id,
      replyBlocks: false,
      replyBlockMinutes: 30,
    });
    const before = parse((await renderFeed(h.db, feed.token, opts))!);
    expect(before.map((e) => e.uid).sort()).toEqual(
      [`${ids.parisAfter}@rapport`, `${ids.parisBefore}@rapport`].sort(),
    );
    const seq = before.find((e) => e.uid === `${ids.parisAfter}@rapport`)!.sequence;
    await h.db.transaction((tx) =>
      transitionDraft(tx, {
        workspaceId: ws.id,
        draftId: ids.parisAfter,
        to: "cancelled",
        actorUserId: owner.user.id,
        now: new Date(),
      }),
    );
    const after = parse((await renderFeed(h.db, feed.token, { ...opts, now: new Date() }))!);
    const cancelled = after.find((e) => e.uid === `${ids.parisAfter}@rapport`)!;
    expect(cancelled.sequence).toBeGreaterThan(seq);
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    // Weeks later it has left the feed.
    const later = parse(
      (await renderFeed(h.db, feed.token, {
        ...opts,
        now: new Date(Date.now() + 15 * 86_400_000),
      }))!,
    );
    expect(later.map((e) => e.uid)).toEqual([`${ids.parisBefore}@rapport`]);
  });

  it("writes a UTC profile's posts in UTC", async () => {
    const utc = await owner.caller.socialProfile.create({
      workspaceId: ws.id,
      platform: "facebook",
      handle: "bistro.utc",
      displayName: "UTC",
      timeZone: "UTC",
      followerCount: 1,
    });
    const d = await scheduleDraft(h.db, {
      workspaceId: ws.id,
      profileId: utc.id,
      userId: owner.user.id,
      plannedAt: new Date("2026-03-29T09:00:00Z"),
      now: NOW,
    });
    const feed = await createFeed(h.db, ws.id, owner.user.id, {
      profileId: utc.id,
      replyBlocks: true,
      replyBlockMinutes: 45,
    });
    const events = parse((await renderFeed(h.db, feed.token, opts))!);
    expect(
      events
        .find((e) => e.uid === `${d.id}@rapport`)!
        .startDate.toJSDate()
        .toISOString(),
    ).toBe("2026-03-29T09:00:00.000Z");
    expect(
      events
        .find((e) => e.uid === `${d.id}-reply@rapport`)!
        .endDate.toJSDate()
        .toISOString(),
    ).toBe("2026-03-29T10:00:00.000Z");
  });

  it("answers nothing for an unknown or revoked token", async () => {
    const feed = await createFeed(h.db, ws.id, owner.user.id, {
      profileId: null,
      replyBlocks: true,
      replyBlockMinutes: 30,
    });
    expect(await renderFeed(h.db, feed.token, opts)).not.toBeNull();
    await revokeFeed(h.db, ws.id, feed.id, NOW);
    expect(await renderFeed(h.db, feed.token, opts)).toBeNull();
    expect(await renderFeed(h.db, "not-a-token", opts)).toBeNull();
  });
});
