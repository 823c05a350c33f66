import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDaysToLocalDate,
  fromLocalTime,
  localDateTimeOf,
  localDayBounds,
  parseLocalDateTime,
  resolveLocalDateTime,
  weekStartOfLocalDate,
} from "./time-zone";

const iso = (t: number | undefined) => new Date(t as number).toISOString();

describe("planning on a profile's clock across DST (Europe/Paris, America/New_York)", () => {
  // Paris: CET (+1) to CEST (+2) on 2026-03-29 at 02:00, back on 2026-10-25 at 03:00.
  // New York: EST (-5) to EDT (-4) on 2026-03-08 at 02:00, back on 2026-11-01 at 02:00.
  it.each([
    ["Europe/Paris", "2026-03-28T09:00", "2026-03-28T08:00:00.000Z"],
    ["Europe/Paris", "2026-03-30T09:00", "2026-03-30T07:00:00.000Z"],
    ["Europe/Paris", "2026-10-24T09:00", "2026-10-24T07:00:00.000Z"],
    ["Europe/Paris", "2026-10-26T09:00", "2026-10-26T08:00:00.000Z"],
    ["America/New_York", "2026-03-07T09:00", "2026-03-07T14:00:00.000Z"],
    ["America/New_York", "2026-03-09T09:00", "2026-03-09T13:00:00.000Z"],
    ["America/New_York", "2026-10-31T09:00", "2026-10-31T13:00:00.000Z"],
    ["America/New_York", "2026-11-02T09:00", "2026-11-02T14:00:00.000Z"],
  ] as const)("09:00 in %s on %s is %s, and reads back as 09:00", (zone, local, instant) => {
    const r = resolveLocalDateTime(local, zone);
    expect(r).toMatchObject({ kind: "exact", local, resolution: null });
    expect(iso(r?.instant)).toBe(instant);
    expect(localDateTimeOf(r!.instant, zone)).toBe(local);
  });

  it("a weekly 09:00 post stays at 09:00 local through both changes, so the UTC hour moves", () => {
    for (const zone of ["Europe/Paris", "America/New_York"]) {
      let date = "2026-02-02";
      const utcHours = new Set<number>();
      for (let week = 0; week < 52; week++, date = addDaysToLocalDate(date, 7)) {
        const r = resolveLocalDateTime(`${date}T09:00`, zone);
        expect(localDateTimeOf(r!.instant, zone)).toBe(`${date}T09:00`);
        utcHours.add(new Date(r!.instant).getUTCHours());
      }
      expect(utcHours.size).toBe(2);
    }
  });

  it.each([
    ["Europe/Paris", "2026-03-29T02:30", "2026-03-29T03:30", "2026-03-29T01:30:00.000Z"],
    ["America/New_York", "2026-03-08T02:30", "2026-03-08T03:30", "2026-03-08T07:30:00.000Z"],
    ["Europe/Paris", "2026-03-29T02:00", "2026-03-29T03:00", "2026-03-29T01:00:00.000Z"],
  ] as const)(
    "a skipped time in %s (%s) moves forward by the gap to %s",
    (zone, requested, local, instant) => {
      const r = resolveLocalDateTime(requested, zone);
      expect(r?.kind).toBe("skipped");
      expect(r?.local).toBe(local);
      expect(iso(r?.instant)).toBe(instant);
      expect(r?.resolution).toContain(`goes out at ${local.slice(11)}`);
      expect(r?.resolution).toContain("hour the clocks skip");
    },
  );

  it.each([
    ["Europe/Paris", "2026-10-25T02:30", "2026-10-25T00:30:00.000Z"],
    ["America/New_York", "2026-11-01T01:30", "2026-11-01T05:30:00.000Z"],
  ] as const)("a repeated time in %s (%s) is the earlier instant", (zone, requested, instant) => {
    const r = resolveLocalDateTime(requested, zone);
    expect(r?.kind).toBe("repeated");
    expect(r?.local).toBe(requested);
    expect(iso(r?.instant)).toBe(instant);
    expect(r?.resolution).toContain("happens twice");
    // The later instant is an hour on and reads the same on the clock.
    expect(localDateTimeOf(r!.instant + 3_600_000, zone)).toBe(requested);
  });

  it("fromLocalTime follows the same rule on both sides of UTC (it used to pick the later instant east of Greenwich)", () => {
    const at = (zone: string, y: number, mo: number, d: number, h: number, mi: number) =>
      new Date(
        fromLocalTime({ year: y, month: mo, day: d, hour: h, minute: mi }, zone) as number,
      ).toISOString();
    expect(at("Europe/Paris", 2026, 10, 25, 2, 30)).toBe("2026-10-25T00:30:00.000Z");
    expect(at("America/New_York", 2026, 11, 1, 1, 30)).toBe("2026-11-01T05:30:00.000Z");
    expect(at("Europe/Paris", 2026, 3, 29, 2, 30)).toBe("2026-03-29T01:30:00.000Z");
    // Fields roll over as in Date.UTC.
    expect(at("Europe/Paris", 2026, 1, 31, 24, 0)).toBe("2026-01-31T23:00:00.000Z");
    expect(
      fromLocalTime({ year: 2026, month: 1, day: 1, hour: 9, minute: 0 }, "Mars/Olympus"),
    ).toBeNull();
  });

  it("the minutes just around a switch are exact", () => {
    expect(resolveLocalDateTime("2026-03-29T01:59", "Europe/Paris")?.kind).toBe("exact");
    expect(resolveLocalDateTime("2026-03-29T03:00", "Europe/Paris")?.kind).toBe("exact");
    expect(resolveLocalDateTime("2026-10-25T01:59", "Europe/Paris")?.kind).toBe("exact");
    expect(resolveLocalDateTime("2026-10-25T03:00", "Europe/Paris")?.kind).toBe("exact");
  });

  it("displays an instant as the profile's local date and time on each side of the changes", () => {
    expect(localDateTimeOf(Date.parse("2026-03-29T00:59:00Z"), "Europe/Paris")).toBe(
      "2026-03-29T01:59",
    );
    expect(localDateTimeOf(Date.parse("2026-03-29T01:00:00Z"), "Europe/Paris")).toBe(
      "2026-03-29T03:00",
    );
    expect(localDateTimeOf(Date.parse("2026-10-25T00:30:00Z"), "Europe/Paris")).toBe(
      "2026-10-25T02:30",
    );
    expect(localDateTimeOf(Date.parse("2026-10-25T01:30:00Z"), "Europe/Paris")).toBe(
      "2026-10-25T02:30",
    );
    expect(localDateTimeOf(Date.parse("2026-03-08T04:30:00Z"), "America/New_York")).toBe(
      "2026-03-07T23:30",
    );
    expect(localDateTimeOf(Date.parse("2026-11-01T05:30:00Z"), "America/New_York")).toBe(
      "2026-11-01T01:30",
    );
    expect(localDateTimeOf(Date.parse("2026-11-01T06:30:00Z"), "America/New_York")).toBe(
      "2026-11-01T01:30",
    );
  });

  it("rescheduling to another day keeps the wall time, whichever side of a change the days are on", () => {
    // Dragging a Saturday 09:00 Paris post to Monday, across the spring change: 08:00Z becomes 07:00Z.
    const from = resolveLocalDateTime("2026-03-28T09:00", "Europe/Paris")!;
    const to = resolveLocalDateTime(
      `${addDaysToLocalDate("2026-03-28", 2)}T${localDateTimeOf(from.instant, "Europe/Paris")!.slice(11)}`,
      "Europe/Paris",
    )!;
    expect(iso(to.instant)).toBe("2026-03-30T07:00:00.000Z");
    // And in New York across the autumn change: 13:00Z becomes 14:00Z.
    const ny = resolveLocalDateTime("2026-11-02T09:00", "America/New_York")!;
    expect(to.instant - from.instant).toBe(2 * 86_400_000 - 3_600_000);
    expect(iso(ny.instant)).toBe("2026-11-02T14:00:00.000Z");
  });

  it("local days are 23 and 25 hours long on the change days", () => {
    const spring = localDayBounds("2026-03-29", "Europe/Paris")!;
    const autumn = localDayBounds("2026-11-01", "America/New_York")!;
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it("round-trips every wall time that exists, at random, in both zones", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(
          "Europe/Paris",
          "America/New_York",
          "Australia/Lord_Howe",
          "Asia/Kathmandu",
        ),
        (t, zone) => {
          const local = localDateTimeOf(t, zone)!;
          const r = resolveLocalDateTime(local, zone)!;
          expect(r.local).toBe(local);
          // The instant is the given one, or the earlier reading of a repeated time.
          expect(r.instant <= t - (t % 60_000) || r.kind === "exact").toBe(true);
          expect(localDateTimeOf(r.instant, zone)).toBe(local);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("rejects times that are not on a calendar", () => {
    expect(parseLocalDateTime("2026-02-30T09:00")).toBeNull();
    expect(parseLocalDateTime("2026-02-03T24:00")).toBeNull();
    expect(resolveLocalDateTime("2026-02-03T09:00", "Mars/Olympus")).toBeNull();
    expect(weekStartOfLocalDate("2026-03-29")).toBe("2026-03-23");
  });
});
