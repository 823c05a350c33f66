import { describe, expect, it } from "vitest";
import type { Post } from "../domain/post";
import { cadence } from "./cadence";

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
  it("says when there are too few weeks", () => {
    expect(cadence(week("2026-01-05T12:00:00Z", [1, 2]), { timeZone: "UTC" }).summary).toMatch(/Not enough weeks/);
  });
});
