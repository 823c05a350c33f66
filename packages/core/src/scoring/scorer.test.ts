import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSyntheticHistory } from "../testing/synthetic-history";
import { analyzeCaption } from "./caption";
import type { Draft } from "./scorer";
import { SCORER_COLUMNS, scoreDraft, trainScorer } from "./scorer";
import { suggestContentType } from "./suggest-content-type";

const history = generateSyntheticHistory(300, { seed: 11 });
const model = trainScorer(history, { platform: "instagram", timeZone: "Europe/Lisbon" });
const draft: Draft = {
  contentType: "staged-shoot",
  format: "single-image",
  plannedAt: "2026-03-03T08:00:00Z",
  caption: "Exclusive campaign shoot for the new collection",
};

describe("trainScorer", () => {
  it("learns the direction of the planted effects", () => {
    const b = model.perReach?.beta ?? [];
    const at = (name: string) => b[SCORER_COLUMNS.findIndex((c) => c.name === name)] as number;
    expect(at("type:behind-the-scenes")).toBeGreaterThan(at("type:staged-shoot"));
    expect(at("format:carousel")).toBeGreaterThan(at("format:text"));
    expect(model.n).toBe(300);
    expect(model.directionOnly).toBe(false);
    expect(model.perReach?.n).toBe(300);
    expect(model.perFollower?.n).toBe(300);
  });
  it("is deterministic", () => {
    expect(trainScorer(history, { platform: "instagram" })).toEqual(trainScorer(history, { platform: "instagram" }));
  });
  it("cold start falls back to priors", () => {
    const cold = trainScorer([], { platform: "instagram", followers: 2000 });
    expect(cold.n).toBe(0);
    expect(cold.directionOnly).toBe(true);
    expect(cold.perReach?.beta.every(Number.isFinite)).toBe(true);
  });
});

describe("scoreDraft", () => {
  it("returns ranges with denominators, a score, a band, explanations and 1-3 suggestions", () => {
    const s = scoreDraft(draft, model);
    expect(s.perReach?.denominator).toBe("reach");
    expect(s.perFollower?.denominator).toBe("followers");
    expect(s.perReach && s.perReach.low <= s.perReach.expected && s.perReach.expected <= s.perReach.high).toBe(true);
    expect(s.score?.value).toBeGreaterThanOrEqual(0);
    expect(s.score?.value).toBeLessThanOrEqual(100);
    expect(s.explanations.length).toBeGreaterThan(0);
    expect(s.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(s.suggestions.length).toBeLessThanOrEqual(3);
    for (const x of [...s.explanations, ...s.suggestions]) expect(x.text).toMatch(/^[A-Z]/);
  });

  it("ranks a behind-the-scenes evening question above a staged morning shoot", () => {
    const good = scoreDraft(
      { contentType: "behind-the-scenes", format: "carousel", plannedAt: "2026-03-03T18:30:00Z", caption: "Behind the scenes today: what should we bake next?" },
      model,
    );
    const bad = scoreDraft(draft, model);
    expect(good.score?.value ?? 0).toBeGreaterThan(bad.score?.value ?? 100);
  });

  it("suggests asking a question when there is none", () => {
    const s = scoreDraft({ ...draft, contentType: "product" }, model);
    expect(s.suggestions.map((x) => x.kind)).toContain("question");
  });

  it("gives direction only below 10 posts", () => {
    const small = trainScorer(history.slice(0, 5), { platform: "instagram" });
    const s = scoreDraft(draft, small);
    expect(s.directionOnly).toBe(true);
    expect(s.score).toBeNull();
    expect(s.perReach).toBeNull();
    for (const e of s.explanations) expect(e.effect).toBeNull();
    for (const x of s.suggestions) {
      expect(x.gain).toBeNull();
      expect(x.text).not.toMatch(/\d/);
    }
  });

  it("accepts a history instead of a model", () => {
    const s = scoreDraft(draft, history.slice(0, 50), { context: { platform: "instagram" } });
    expect(s.n).toBe(50);
  });

  it("never yields NaN or Infinity for arbitrary drafts", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), fc.boolean(), (caption, mediaCount, paid) => {
        const s = scoreDraft({ caption, mediaCount, paid, plannedAt: "2026-01-01T10:00:00Z" }, model);
        for (const r of [s.perReach, s.perFollower]) if (r) for (const v of [r.low, r.expected, r.high]) expect(Number.isFinite(v)).toBe(true);
        if (s.score) expect(Number.isFinite(s.score.value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("caption signals", () => {
  it.each([
    ["What should we bake next?", "hasQuestion", true],
    ["We baked bread", "hasQuestion", false],
    ["Tell us in the comments", "hasCallToAction", true],
    ["I made this", "firstPerson", true],
    ["Sunset 🌅🌅", "emojiCount", 2],
    ["#a #b #c", "hashtagCount", 3],
    ["thanks @ana and @joe", "mentionCount", 2],
    ["see https://shop.example", "hasLink", true],
  ] as const)("%s -> %s", (text, key, value) => {
    expect(analyzeCaption(text)[key]).toEqual(value);
  });
  it("finds authentic and staged words", () => {
    const c = analyzeCaption("Behind the scenes of our luxury photoshoot");
    expect(c.authenticWords).toContain("behind the scenes");
    expect(c.stagedWords).toEqual(expect.arrayContaining(["luxury", "photoshoot"]));
  });
});

describe("suggestContentType", () => {
  it.each([
    ["Meet Ana, our new barista", "staff-spotlight"],
    ["20% off this weekend with code SPRING", "offer"],
    ["Behind the scenes: a tour of our kitchen", "behind-the-scenes"],
    ["Which one would you pick? Vote below", "question-poll"],
  ] as const)("%s -> %s", (caption, type) => {
    expect(suggestContentType(caption)[0]?.contentType).toBe(type);
  });
  it("returns nothing for an empty caption", () => expect(suggestContentType("  ")).toEqual([]));
});
