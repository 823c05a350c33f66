import { describe, expect, it } from "vitest";
import type { Post } from "../domain/post";
import { bestPastPost, topPosts } from "./best-past-post";

function post(id: string, over: Partial<Post>): Post {
  return { id, platform: "instagram", reach: 1000, likes: 10, comments: 0, shares: 0, saves: 0, ...over };
}

describe("bestPastPost", () => {
  const history = [
    post("a", { contentType: "photo-dump", comments: 5 }),
    post("b", { contentType: "photo-dump", comments: 20 }),
    post("c", { contentType: "product", comments: 50 }),
    post("d", { contentType: "photo-dump", comments: 1 }),
  ];

  it("picks the best post of the same type by interaction quality per reach", () => {
    const best = bestPastPost(history, "photo-dump");
    expect(best?.post.id).toBe("b");
    expect(best?.rate.denominator).toBe("reach");
    expect(best?.n).toBe(3);
    // b: 10 + 200 = 210 per 1000; median of (60, 210, 20) = 60 → 3.5x
    expect(best?.vsMedian).toBeCloseTo(3.5, 5);
  });

  it("returns null with no type, or no post of that type", () => {
    expect(bestPastPost(history, null)).toBeNull();
    expect(bestPastPost(history, "offer")).toBeNull();
    expect(bestPastPost([], "offer")).toBeNull();
  });

  it("skips posts whose rate cannot be measured", () => {
    const best = bestPastPost([post("x", { contentType: "offer", reach: null, followers: null })], "offer");
    expect(best).toBeNull();
  });

  it("falls back to followers when most posts lack reach", () => {
    const ranked = topPosts([post("x", { reach: null, followers: 500 }), post("y", { reach: null, followers: 500, likes: 50 })]);
    expect(ranked.map((r) => r.post.id)).toEqual(["y", "x"]);
    expect(ranked[0]?.rate.denominator).toBe("followers");
  });
});
