import { describe, expect, it } from "vitest";
import type { Post } from "../domain/post";
import { interactionMix, sourceTypeLift, topAndBottomPosts } from "./insights-extras";

const post = (id: string, type: string, reach: number, likes: number, comments: number, shares: number): Post => ({
  id, platform: "facebook", reach, likes, comments, shares, extra: { type },
});

describe("sourceTypeLift", () => {
  it("ranks the source's own post types by interaction quality, with n and intervals", () => {
    const posts: Post[] = [];
    for (let i = 0; i < 30; i++) posts.push(post(`s${i}`, "Status", 1000, 80 + (i % 5), 8, 4));
    for (let i = 0; i < 30; i++) posts.push(post(`p${i}`, "Photo", 1000, 30 + (i % 5), 1, 1));
    const t = sourceTypeLift(posts, { resamples: 200 });
    const status = t.rows.find((r) => r.key === "Status")!;
    const photo = t.rows.find((r) => r.key === "Photo")!;
    expect(status.n).toBe(30);
    expect(photo.n).toBe(30);
    expect(status.lift).toBeGreaterThan(1);
    expect(photo.lift).toBeLessThan(1);
    expect(status.interval!.low).toBeGreaterThan(1);
    expect(t.denominator).toBe("reach");
  });
  it("leaves out posts without a source type", () => {
    const t = sourceTypeLift([{ id: "x", platform: "instagram", reach: 10, likes: 1 }]);
    expect(t.n).toBe(0);
    expect(t.rows).toHaveLength(0);
  });
});

describe("interactionMix", () => {
  it("gives median rates per reach and shares of all interactions", () => {
    const mix = interactionMix([post("a", "Photo", 100, 8, 1, 1), post("b", "Photo", 200, 16, 2, 2)]);
    const conv = mix.parts.find((p) => p.key === "conversation")!;
    expect(conv.medianRate).toBeCloseTo(0.01);
    expect(conv.share).toBeCloseTo(3 / 30);
    expect(mix.n).toBe(2);
    expect(mix.summary).toBe(
      "20% of interactions were comments, shares or saves over 2 posts. Saves are not in your data (the files imported so far do not count them).",
    );
  });
  it("shows saves (and clicks where a source counts them) beside the other kinds, and missing as missing", () => {
    const withSaves = interactionMix([
      { ...post("a", "Photo", 100, 10, 2, 1), saves: 4, clicks: 3 },
      { ...post("b", "Photo", 100, 10, 2, 1), saves: 6 },
    ]);
    expect(withSaves.parts.map((p) => p.key)).toEqual(["conversation", "amplification", "keeping", "applause", "clicks"]);
    const saves = withSaves.parts.find((p) => p.key === "keeping")!;
    expect(saves).toMatchObject({ label: "Keeping (saves)", n: 2, medianRate: 0.05 });
    expect(saves.share).toBeCloseTo(10 / 39);
    expect(withSaves.parts.find((p) => p.key === "clicks")).toMatchObject({ n: 1, medianRate: 0.03 });
    expect(withSaves.summary).toBe("41% of interactions were comments, shares or saves over 2 posts.");

    const without = interactionMix([post("a", "Photo", 100, 8, 1, 1)]);
    expect(without.parts.map((p) => p.key)).toEqual(["conversation", "amplification", "keeping", "applause"]);
    expect(without.parts.find((p) => p.key === "keeping")).toMatchObject({ n: 0, medianRate: null, share: null });
  });
  it("says when there is nothing to measure", () => {
    const mix = interactionMix([{ id: "a", platform: "x" }]);
    expect(mix.n).toBe(0);
    expect(mix.summary).toMatch(/^Not enough posts yet/);
  });
});

describe("topAndBottomPosts", () => {
  it("orders by interaction quality and explains against the median", () => {
    const posts = Array.from({ length: 12 }, (_, i) => post(`p${i}`, "Photo", 1000, 10 + i * 10, i, 0));
    const tb = topAndBottomPosts(posts, { limit: 3 });
    expect(tb.top.map((r) => r.post.id)).toEqual(["p11", "p10", "p9"]);
    expect(tb.bottom.map((r) => r.post.id)).toEqual(["p0", "p1", "p2"]);
    expect(tb.n).toBe(12);
    expect(tb.top[0]!.explanation[0]).toMatch(/the median post's interaction quality per reach \(median of 12 posts\)/);
  });
  it("shows no bottom list when it would overlap the top", () => {
    const tb = topAndBottomPosts([post("a", "Photo", 100, 1, 0, 0)], { limit: 5 });
    expect(tb.top).toHaveLength(1);
    expect(tb.bottom).toHaveLength(0);
  });
});
