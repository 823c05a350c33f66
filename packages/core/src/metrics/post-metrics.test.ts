import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Post } from "../domain/post";
import { generateSyntheticHistory } from "../testing/synthetic-history";
import { performanceIndex } from "./performance-index";
import {
  amplificationRate,
  applauseRate,
  conversationRate,
  deepInteractionShare,
  engagementRate,
  interactionQuality,
  postMetrics,
} from "./post-metrics";
import { calibrateWeights, DEFAULT_INTERACTION_WEIGHTS } from "./weights";

const base: Post = { id: "p", platform: "instagram", reach: 1000, followers: 5000, likes: 50, comments: 5, shares: 3, saves: 2 };

describe("engagementRate", () => {
  it.each([
    ["per reach when reach is known", base, 60 / 1000, "reach", false],
    ["per follower when reach is missing", { ...base, reach: null }, 60 / 5000, "followers", true],
    ["per impression when that is all", { ...base, reach: undefined, followers: undefined, impressions: 2000 }, 60 / 2000, "impressions", true],
    ["per view as a last resort", { ...base, reach: undefined, followers: undefined, views: 600 }, 60 / 600, "views", true],
  ] as const)("%s", (_name, post, value, denominator, fallback) => {
    const r = engagementRate(post as Post);
    expect(r?.value).toBeCloseTo(value);
    expect(r?.denominator).toBe(denominator);
    expect(r?.fallback).toBe(fallback);
    expect(r?.n).toBe(1);
  });

  it("is missing, not zero, without counts or a denominator", () => {
    expect(engagementRate({ id: "x", platform: "x", reach: 100 })).toBeNull();
    expect(engagementRate({ id: "x", platform: "x", likes: 3 })).toBeNull();
  });

  it("labels the fallback denominator", () => {
    expect(engagementRate({ ...base, reach: null })?.label).toMatch(/per follower/);
  });
});

describe("interaction quality and its parts", () => {
  it("weights like 1, save 2, share 3, comment 10 per reach", () => {
    expect(interactionQuality(base)?.value).toBeCloseTo((50 + 2 * 2 + 3 * 3 + 5 * 10) / 1000);
  });
  it("accepts custom weights", () => {
    expect(interactionQuality(base, { weights: { like: 1, save: 0, share: 0, comment: 0 } })?.value).toBeCloseTo(0.05);
  });
  it.each([
    [conversationRate, 5 / 1000],
    [amplificationRate, 3 / 1000],
    [applauseRate, 50 / 1000],
  ])("rate %#", (fn, v) => expect(fn(base)?.value).toBeCloseTo(v));
  it("deep-interaction share", () => {
    expect(deepInteractionShare(base)?.value).toBeCloseTo(10 / 60);
    expect(deepInteractionShare({ id: "z", platform: "x", likes: 0, comments: 0 })).toBeNull();
  });
  it("postMetrics bundles all", () => {
    const m = postMetrics(base);
    expect(m.engagementRatePerFollower?.denominator).toBe("followers");
    expect(m.interactionQuality?.denominator).toBe("reach");
  });
});

describe("performanceIndex", () => {
  const history = generateSyntheticHistory(40, { seed: 3 });
  it("compares with the median of earlier posts", () => {
    const last = history[history.length - 1] as Post;
    const pi = performanceIndex(last, history);
    expect(pi?.n).toBe(30);
    expect(pi?.label).toMatch(/x your typical post/);
    expect(pi && pi.value > 0).toBe(true);
  });
  it("needs three earlier posts", () => {
    expect(performanceIndex(history[1] as Post, history)).toBeNull();
  });
});

describe("calibrateWeights", () => {
  it("keeps defaults with too few posts", () => {
    expect(calibrateWeights([base]).weights).toEqual(DEFAULT_INTERACTION_WEIGHTS);
  });
  it("keeps the default order after calibration", () => {
    const w = calibrateWeights(generateSyntheticHistory(50)).weights;
    expect(w.like).toBeLessThanOrEqual(w.save);
    expect(w.save).toBeLessThanOrEqual(w.share);
    expect(w.share).toBeLessThanOrEqual(w.comment);
  });
});

const countArb = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined });
const postArb = fc.record({
  reach: countArb,
  followers: countArb,
  impressions: countArb,
  likes: countArb,
  comments: countArb,
  shares: countArb,
  saves: countArb,
});

describe("properties", () => {
  it("never returns NaN or Infinity", () => {
    fc.assert(
      fc.property(postArb, (counts) => {
        const m = postMetrics({ id: "p", platform: "instagram", ...counts });
        for (const v of Object.values(m)) if (v) expect(Number.isFinite(v.value)).toBe(true);
      }),
    );
  });
  it("interaction quality is non-decreasing in comments", () => {
    fc.assert(
      fc.property(postArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (counts, a, extra) => {
        const lo = interactionQuality({ id: "p", platform: "instagram", ...counts, comments: a });
        const hi = interactionQuality({ id: "p", platform: "instagram", ...counts, comments: a + extra });
        if (lo && hi) expect(hi.value).toBeGreaterThanOrEqual(lo.value);
      }),
    );
  });
  it("the performance index is non-decreasing in comments", () => {
    const history = generateSyntheticHistory(20, { seed: 8 });
    const last = history[history.length - 1] as Post;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (a, extra) => {
        const lo = performanceIndex({ ...last, comments: a }, history);
        const hi = performanceIndex({ ...last, comments: a + extra }, history);
        if (lo && hi) expect(hi.value).toBeGreaterThanOrEqual(lo.value);
        if (hi) expect(Number.isFinite(hi.value)).toBe(true);
      }),
    );
  });
});
