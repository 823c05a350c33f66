import { describe, expect, it } from "vitest";
import { generateSyntheticHistory } from "../testing/synthetic-history";
import { timingHeatmap } from "./heatmap";
import fc from "fast-check";
import { fromLocalTime, toLocalTime, toLocalTimeUncached } from "./time-zone";

describe("time zones", () => {
  it.each([
    ["2026-03-05T17:30:00Z", "UTC", 3, 17],
    ["2026-03-05T17:30:00Z", "America/New_York", 3, 12],
    ["2026-03-05T23:30:00Z", "Asia/Tokyo", 4, 8],
  ] as const)("%s in %s", (iso, tz, weekday, hour) => {
    const l = toLocalTime(Date.parse(iso), tz);
    expect(l?.weekday).toBe(weekday);
    expect(l?.hour).toBe(hour);
  });
  it("round-trips local time across DST", () => {
    const t = fromLocalTime({ year: 2026, month: 3, day: 29, hour: 12, minute: 0 }, "Europe/Lisbon");
    expect(new Date(t as number).toISOString()).toBe("2026-03-29T11:00:00.000Z");
  });
  it("returns null for an unknown zone", () => expect(toLocalTime(0, "Mars/Olympus")).toBeNull());

  // The cached offsets must agree with Intl everywhere, above all around offset changes.
  const zones = ["Europe/Lisbon", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia", "America/St_Johns", "Africa/Casablanca", "UTC"];
  it("agrees with Intl at random instants from 1900 to 2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...zones), (t, zone) => {
        expect(toLocalTime(t, zone)).toEqual(toLocalTimeUncached(t, zone));
      }),
      { numRuns: 3000 },
    );
  });
  it("agrees with Intl minute by minute through DST switches", () => {
    const switches = [
      ["Europe/Lisbon", "2026-03-29T00:00:00Z"],
      ["Europe/Lisbon", "2026-10-25T00:00:00Z"],
      ["America/New_York", "2026-03-08T06:00:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T14:00:00Z"], // a 30-minute switch
      ["Pacific/Apia", "2011-12-29T09:00:00Z"], // the day Samoa skipped
    ] as const;
    for (const [zone, iso] of switches) {
      const t0 = Date.parse(iso) - 3 * 3_600_000;
      for (let m = 0; m < 6 * 60; m++) {
        const t = t0 + m * 60_000 + 17_000;
        expect(toLocalTime(t, zone)).toEqual(toLocalTimeUncached(t, zone));
      }
    }
  });
  it("reads the skipped and repeated hours the way Intl does", () => {
    // 2026-03-29 01:30 does not exist in Lisbon (clocks jump 01:00 -> 02:00); 2026-10-25 01:30 happens twice.
    expect(toLocalTime(Date.parse("2026-03-29T01:00:00Z"), "Europe/Lisbon")?.hour).toBe(2);
    expect(toLocalTime(Date.parse("2026-10-25T00:30:00Z"), "Europe/Lisbon")?.hour).toBe(1);
    expect(toLocalTime(Date.parse("2026-10-25T01:30:00Z"), "Europe/Lisbon")?.hour).toBe(1);
  });
});

describe("timingHeatmap", () => {
  const posts = generateSyntheticHistory(800, { seed: 21 });
  const map = timingHeatmap(posts, { timeZone: "UTC", blockHours: 4 });
  it("has 7 x 6 cells, each with n and state", () => {
    expect(map.cells).toHaveLength(42);
    expect(map.cells.reduce((a, c) => a + c.n, 0)).toBe(map.n);
  });
  it("best slots have intervals above 1x, the top one in the planted evening", () => {
    expect(map.bestSlots.length).toBeGreaterThan(0);
    for (const s of map.bestSlots) expect(s.interval?.low).toBeGreaterThan(1);
    expect([16, 20]).toContain(map.bestSlots[0]?.startHour);
  });
  it("uses a reported slot when there is no date", () => {
    const m = timingHeatmap([{ id: "a", platform: "facebook", slot: { weekday: 2, hour: 5 }, reach: 10, likes: 1 }], { timeZone: "UTC" });
    expect(m.cells.find((c) => c.weekday === 2 && c.block === 1)?.n).toBe(1);
  });
});
