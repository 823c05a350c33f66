import { describe, expect, it } from "vitest";
import type { Post } from "../domain/post";
import { cadenceGuardrail, sameDayEffect } from "./guardrail";

/** One week of posts from Monday `start` (UTC noon), one a day, each with `likes` per 1,000 reached. */
function week(start: string, perPost: number[]): Post[] {
  return perPost.map((likes, i) => ({
    id: `${start}-${i}`,
    platform: "instagram",
    publishedAt: new Date(Date.parse(`${start}T12:00:00Z`) + i * 86_400_000).toISOString(),
    reach: 1000,
    likes,
  }));
}

describe("cadenceGuardrail", () => {
  // Usually 2 posts a week; the three 4-post weeks brought no more in total than a 2-post week.
  const history = [
    ...week("2026-01-05", [100, 100]),
    ...week("2026-01-12", [110, 90]),
    ...week("2026-01-19", [100, 100]),
    ...week("2026-01-26", [50, 50, 50, 50]),
    ...week("2026-02-02", [100, 100]),
    ...week("2026-02-09", [45, 50, 55, 50]),
    ...week("2026-02-16", [100, 105]),
  ];

  it("warns on a planned week with more posts than history says pays off, with its evidence", () => {
    const g = cadenceGuardrail(
      history,
      ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-09"],
      { timeZone: "UTC" },
    );
    expect(g.typicalPostsPerWeek).toBe(2);
    expect(g.weeks).toEqual([
      {
        weekStart: "2026-03-02",
        posts: 4,
        typical: 2,
        warning:
          "4 posts this week (usually 2): in 2 of 2 past weeks with more than 2 posts, the extra posts did not add to the week's total.",
      },
    ]);
  });

  it("stays silent at the usual cadence, and when busier weeks paid off", () => {
    expect(
      cadenceGuardrail(history, ["2026-03-02", "2026-03-04"], { timeZone: "UTC" }).weeks,
    ).toEqual([]);
    const paid = [
      ...week("2026-01-05", [100, 100]),
      ...week("2026-01-12", [100, 100]),
      ...week("2026-01-19", [100, 100]),
      ...week("2026-01-26", [100, 100, 100, 100]),
      ...week("2026-02-02", [100, 100, 100, 100]),
    ];
    const g = cadenceGuardrail(paid, ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"], {
      timeZone: "UTC",
    });
    expect(g.weeks).toEqual([]);
    expect(g.summary).toMatch(/extra posts added/);
  });

  it("says when there are too few weeks to judge", () => {
    expect(
      cadenceGuardrail(week("2026-01-05", [1, 2]), ["2026-03-02"], { timeZone: "UTC" }).summary,
    ).toMatch(/Not enough dated weeks/);
  });

  it("warns on a day with two posts when same-day posts did worse than posts alone on their day", () => {
    const posts: Post[] = [];
    for (let d = 0; d < 24; d++) {
      const day = new Date(Date.UTC(2026, 0, 5 + d * 2));
      const iso = (h: number) => new Date(day.getTime() + h * 3_600_000).toISOString();
      if (d % 2 === 0)
        posts.push({
          id: `s${d}`,
          platform: "instagram",
          publishedAt: iso(12),
          reach: 1000,
          likes: 100,
        });
      else
        posts.push(
          { id: `a${d}`, platform: "instagram", publishedAt: iso(9), reach: 1000, likes: 60 },
          { id: `b${d}`, platform: "instagram", publishedAt: iso(18), reach: 1000, likes: 60 },
        );
    }
    const effect = sameDayEffect(posts, { timeZone: "UTC" });
    expect(effect).toMatchObject({ ratio: 0.6, multiPosts: 24, singlePosts: 12, multiDays: 12 });
    const g = cadenceGuardrail(posts, ["2026-04-01", "2026-04-01", "2026-04-02"], {
      timeZone: "UTC",
    });
    expect(g.days).toHaveLength(1);
    expect(g.days[0]?.date).toBe("2026-04-01");
    expect(g.days[0]?.warning).toContain(
      "each post got 0.6x the weighted interactions per person reached of a post alone on its day (24 vs 12 posts)",
    );
  });
});
