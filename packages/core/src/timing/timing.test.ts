import { describe, expect, it } from "vitest";
import { generateSyntheticHistory } from "../testing/synthetic-history";
import { timingHeatmap } from "./heatmap";
import { fromLocalTime, toLocalTime } from "./time-zone";

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
