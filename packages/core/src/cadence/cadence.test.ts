import { describe, expect, it } from "vitest";
import type { Post } from "../domain/post";
import { CADENCE_MIN_WEEKS, CADENCE_NEEDS, cadence } from "./cadence";

function week(start: string, perPost: number[]): Post[] {
  return perPost.map((likes, i) => ({
    id: `${start}-${i}`,
    platform: "instagram",
    publishedAt: new Date(Date.parse(start) + i * 86_400_000).toISOString(),
    reach: 1000,
    likes,
  }));
}

describe("cadence", () => {
  it("groups by week and flags weeks where extra posts split the same attention", () => {
    const posts = [
      ...week("2026-01-05T12:00:00Z", [100, 100]),
      ...week("2026-01-12T12:00:00Z", [110, 90]),
      ...week("2026-01-19T12:00:00Z", [100, 100]),
      ...week("2026-01-26T12:00:00Z", [50, 50, 50, 50]),
      ...week("2026-02-02T12:00:00Z", [150, 140, 130, 120]),
    ];
    const c = cadence(posts, { timeZone: "UTC" });
    expect(c.weeks.map((w) => w.weekStart)).toEqual(["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"]);
    expect(c.typicalPostsPerWeek).toBe(2);
    expect(c.weeks[3]?.cannibalised).toBe(true);
    expect(c.weeks[3]?.evidence).toMatch(/4 posts/);
    expect(c.weeks[4]?.cannibalised).toBe(false);
    expect(c.summary).toMatch(/1 of 5/);
  });
  it("weeks start on the local Monday, across a DST switch", () => {
    const at = (iso: string): Post => ({ id: iso, platform: "instagram", publishedAt: iso, reach: 1000, likes: 10 });
    // Sunday 2026-03-08 23:30 in New York (clocks went forward that morning) is Monday 03:30 UTC;
    // Monday 2026-03-09 00:30 local is 04:30 UTC; Sunday 2026-11-01 23:59 local (DST ended that day).
    const c = cadence([at("2026-03-09T03:30:00Z"), at("2026-03-09T04:30:00Z"), at("2026-11-02T04:59:00Z")], { timeZone: "America/New_York" });
    expect(c.weeks.map((w) => [w.weekStart, w.posts])).toEqual([["2026-03-02", 1], ["2026-03-09", 1], ["2026-10-26", 1]]);
  });
  it("says when there are too few weeks", () => {
    expect(cadence(week("2026-01-05T12:00:00Z", [1, 2]), { timeZone: "UTC" }).summary).toMatch(/Not enough weeks/);
    // One threshold everywhere: the summary counts toward the same 4 weeks the card shows.
    expect(cadence(week("2026-01-05T12:00:00Z", [1, 2]), { timeZone: "UTC" }).summary).toBe(
      `Not enough weeks yet to judge cadence: 1 of ${CADENCE_MIN_WEEKS} weeks.`,
    );
    expect(CADENCE_NEEDS).toContain(`at least ${CADENCE_MIN_WEEKS} such weeks`);
  });
});
