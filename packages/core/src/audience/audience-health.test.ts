import { describe, expect, it } from "vitest";
import type { FollowerSnapshot, Post } from "../domain/post";
import { generateSyntheticHistory } from "../testing/synthetic-history";
import { audienceHealth, followerJumps } from "./audience-health";

const days = (changes: number[], start = 5000): FollowerSnapshot[] => {
  let f = start;
  return [{ date: "2026-01-01", followers: f }].concat(
    changes.map((c, i) => {
      f += c;
      return { date: `2026-01-${String(i + 2).padStart(2, "0")}`, followers: f };
    }),
  );
};

describe("followerJumps", () => {
  it.each([
    ["a steady series", [10, 12, 9, 11, 10, 13, 8, 10, 12], 0],
    ["a spike", [10, 12, 9, 11, 900, 13, 8, 10, 12], 1],
    ["a drop", [10, 12, 9, 11, -600, 13, 8, 10, 12], 1],
    ["a jump below the size floor", [1, 2, 1, 1, 15, 2, 1, 1, 2], 0],
  ] as const)("%s", (_name, changes, count) => {
    expect(followerJumps(days([...changes])).jumps).toHaveLength(count);
  });
});

describe("audienceHealth", () => {
  const posts = generateSyntheticHistory(60, { seed: 2 });
  it("scores a healthy history high and shows evidence for every signal", () => {
    const h = audienceHealth(posts, { platform: "instagram", snapshots: days([10, 12, 9, 11, 10, 13, 8, 10, 12]) });
    expect(h.signals).toHaveLength(4);
    for (const s of h.signals) expect(s.evidence.length).toBeGreaterThan(10);
    expect(h.trustScore).toBeGreaterThanOrEqual(70);
  });
  it("flags likes without comments and uniform likes as worth a look, not as a verdict", () => {
    const flat: Post[] = Array.from({ length: 20 }, (_, i) => ({ id: String(i), platform: "instagram", followers: 50_000, reach: 5000, likes: 1000 + (i % 2), comments: 0 }));
    const h = audienceHealth(flat, { platform: "instagram" });
    const look = h.signals.filter((s) => s.status === "worth-a-look").map((s) => s.key);
    expect(look).toEqual(expect.arrayContaining(["commentToLike", "likeSpread"]));
    expect(h.trustScore).toBeLessThan(100);
    expect(JSON.stringify(h)).not.toMatch(/fake|bot|fraud/i);
  });
  it("says when there is not enough data", () => {
    const h = audienceHealth([], { platform: "facebook" });
    expect(h.signals.every((s) => s.status === "not-enough-data")).toBe(true);
    expect(h.trustScore).toBe(100);
  });
});
