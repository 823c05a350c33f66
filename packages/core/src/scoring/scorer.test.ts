import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateDriftingHistory } from "../testing/drifting-history";
import { generateSyntheticHistory } from "../testing/synthetic-history";
import { slotTiming } from "../timing/best-slots";
import { timingHeatmap } from "../timing/heatmap";
import { analyzeCaption } from "./caption";
import type { Draft } from "./scorer";
import {
  SCORER_COLUMNS,
  draftForScoring,
  incompleteDraft,
  predictCountRange,
  scoreDraft,
  trainScorer,
} from "./scorer";
import { suggestContentType } from "./suggest-content-type";

const history = generateSyntheticHistory(300, { seed: 11 });
const model = trainScorer(history, { platform: "instagram", timeZone: "Europe/Lisbon" });
const draft: Draft = {
  contentType: "staged-shoot",
  format: "single-image",
  plannedAt: "2026-03-03T08:00:00Z",
  caption: "Exclusive campaign shoot for the new collection",
  mediaCount: 1,
};

describe("trainScorer", () => {
  it("learns the direction of the planted effects", () => {
    const b = model.rate.beta;
    const at = (name: string) => b[SCORER_COLUMNS.findIndex((c) => c.name === name)] as number;
    expect(at("type:behind-the-scenes")).toBeGreaterThan(at("type:staged-shoot"));
    expect(at("format:carousel")).toBeGreaterThan(at("format:text"));
    expect(model.n).toBe(300);
    expect(model.denominator).toBe("reach");
    expect(model.directionOnly).toBe(false);
  });
  it("chooses the level's window by validation and calibrates its ranges out of sample", () => {
    expect(model.rate.windowErrors.length).toBeGreaterThan(1);
    expect(model.rate.windowErrors.map((w) => w.window)).toContain(model.rate.window);
    expect(model.rate.calibration).toBe("out-of-sample");
    expect(model.rate.calibrationN).toBe(90);
  });
  it("is deterministic", () => {
    expect(trainScorer(history, { platform: "instagram" })).toEqual(
      trainScorer(history, { platform: "instagram" }),
    );
  });
  it("cold start falls back to priors", () => {
    const cold = trainScorer([], { platform: "instagram", followers: 2000 });
    expect(cold.n).toBe(0);
    expect(cold.directionOnly).toBe(true);
    expect(cold.rate.beta.every(Number.isFinite)).toBe(true);
  });
});

describe("the account's level", () => {
  // Simulated (generateDriftingHistory): impressions x4 and the rate per impression x0.6 over the drift.
  const sim = generateDriftingHistory(400, { seed: 5 });
  const drifted = trainScorer(sim.posts, { platform: "instagram", outcome: "interactions" });
  const neutral: Draft = { contentType: "product", format: "single-image" };
  it("follows the drift: the predicted rate after it is within 20% of the true one", () => {
    const s = scoreDraft(neutral, drifted);
    const truth = sim.trueRate(400);
    expect(Math.abs((s.rate?.expected as number) / truth - 1)).toBeLessThan(0.2);
    // The whole history's average would be far off: the first 40% ran at 1 / 0.6 of today's rate.
    expect(sim.trueRate(0) / truth).toBeGreaterThan(1.6);
  });
  it("predicts the count on today's audience, not the average one", () => {
    const r = predictCountRange(neutral, drifted) as { expected: number };
    const truth = sim.trueRate(400) * sim.trueImpressions(400);
    expect(Math.abs(r.expected / truth - 1)).toBeLessThan(0.25);
  });
  it("scores an impressions-only account per impression and names it", () => {
    expect(drifted.denominator).toBe("impressions");
    expect(drifted.denominatorCounts).toMatchObject({ reach: 0, impressions: 400 });
    const s = scoreDraft({ ...neutral, caption: "New mugs in the shop", mediaCount: 1 }, drifted);
    expect(s.rate?.denominator).toBe("impressions");
    expect(s.rate?.label).toContain("per impression");
    expect(s.rate?.n).toBe(400);
  });
});

describe("scoreDraft", () => {
  it("returns a calibrated range with its denominator, a count, a score, a band, explanations and 1-3 suggestions", () => {
    const s = scoreDraft(draft, model);
    expect(s.rate?.denominator).toBe("reach");
    expect(s.rate?.level).toBe(0.8);
    expect(s.rate && s.rate.low <= s.rate.expected && s.rate.expected <= s.rate.high).toBe(true);
    expect(s.count && s.count.low <= s.count.expected && s.count.expected <= s.count.high).toBe(
      true,
    );
    expect(s.score?.value).toBeGreaterThanOrEqual(0);
    expect(s.score?.value).toBeLessThanOrEqual(100);
    expect(s.explanations.length).toBeGreaterThan(0);
    expect(s.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(s.suggestions.length).toBeLessThanOrEqual(3);
    for (const x of [...s.explanations, ...s.suggestions]) expect(x.text).toMatch(/^[A-Z]/);
  });

  it("ranks a behind-the-scenes question above a staged shoot", () => {
    const good = scoreDraft(
      {
        contentType: "behind-the-scenes",
        format: "carousel",
        plannedAt: "2026-03-03T18:30:00Z",
        caption: "Behind the scenes today: what should we bake next?",
        mediaCount: 3,
      },
      model,
    );
    const bad = scoreDraft(draft, model);
    expect(good.score?.value ?? 0).toBeGreaterThan(bad.score?.value ?? 100);
  });

  it("widens the range for a draft planned further ahead", () => {
    const near = scoreDraft(draft, model, { horizon: 1 });
    const far = scoreDraft(draft, model, { horizon: 64 });
    const width = (s: typeof near) =>
      Math.log((s.count?.high as number) / (s.count?.low as number));
    expect(width(far)).toBeGreaterThanOrEqual(width(near));
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
    expect(s.rate).toBeNull();
    for (const e of s.explanations) expect(e.effect).toBeNull();
    for (const x of s.suggestions) {
      expect(x.gain).toBeNull();
      expect(x.text).not.toMatch(/\d/);
    }
  });

  it("gives a range but no band relative to the account below 20 posts", () => {
    const s = scoreDraft(draft, trainScorer(history.slice(0, 15), { platform: "instagram" }));
    expect(s.rate).not.toBeNull();
    expect(s.score).toBeNull();
    expect(s.band).toBe("range-only");
  });

  it("accepts a history instead of a model", () => {
    const s = scoreDraft(draft, history.slice(0, 50), { context: { platform: "instagram" } });
    expect(s.n).toBe(50);
  });

  it("never yields NaN or Infinity for arbitrary drafts", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.boolean(),
        (caption, mediaCount, paid) => {
          const s = scoreDraft(
            { caption, mediaCount, paid, plannedAt: "2026-01-01T10:00:00Z" },
            model,
          );
          for (const r of [s.rate, s.count])
            if (r)
              for (const v of [r.low, r.expected, r.high]) expect(Number.isFinite(v)).toBe(true);
          if (s.score) expect(Number.isFinite(s.score.value)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("incomplete drafts", () => {
  it("an empty draft gets no band, no score and no range: it is told what to add", () => {
    const s = scoreDraft({ contentType: null, format: null, caption: "", mediaCount: 0 }, model);
    expect(s.band).toBe("incomplete");
    expect(s.score).toBeNull();
    expect(s.rate).toBeNull();
    expect(s.count).toBeNull();
    expect(s.bandLabel).toBe("Incomplete: add a caption to get a score.");
    expect(s.incomplete?.missing).toEqual(["a caption"]);
  });
  it("a photo format without media is incomplete; the same draft with a photo is scored", () => {
    const noPhoto = { ...draft, mediaCount: 0 };
    expect(scoreDraft(noPhoto, model).band).toBe("incomplete");
    expect(scoreDraft(noPhoto, model).bandLabel).toBe("Incomplete: add a photo to get a score.");
    expect(incompleteDraft({ format: "carousel", caption: " ", mediaCount: 0 })?.missing).toEqual([
      "a caption",
      "photos",
    ]);
    expect(scoreDraft({ ...draft, mediaCount: 1 }, model).band).not.toBe("incomplete");
  });
  it("unknown fields (the evaluation's drafts) are not treated as missing", () => {
    expect(incompleteDraft({ format: "single-image" })).toBeNull();
  });
});

describe("honest explanations", () => {
  const noDumps = history.filter((p) => p.contentType !== "photo-dump");
  const m = trainScorer(noDumps, { platform: "instagram", timeZone: "Europe/Lisbon" });
  it("a content type the account never used is explained as a prior, never as the account's own", () => {
    const s = scoreDraft(
      {
        ...draft,
        contentType: "photo-dump",
        caption: "Photo dump from this week",
        mediaCount: 6,
        format: "carousel",
      },
      m,
    );
    const type = s.explanations.find((e) => e.factor === "contentType");
    expect(type?.source).toBe("prior");
    expect(type?.effect).toBeNull();
    expect(type?.text).toContain("never posted");
    expect(type?.text).toContain("across accounts");
    expect(type?.text).not.toContain("on your account (");
  });
  it("an effect measured on the account names its posts", () => {
    const s = scoreDraft({ ...draft, contentType: "behind-the-scenes" }, m);
    const own = s.explanations.filter((e) => e.source === "account");
    expect(own.length).toBeGreaterThan(0);
    for (const e of own) expect(e.text).toMatch(/on your account \(\d+ posts?\)\.$/);
    for (const e of s.explanations.filter((x) => x.source === "prior"))
      expect(e.text).toContain("across accounts");
  });
});

describe("one estimate of time", () => {
  const tz = "UTC";
  const posts = generateSyntheticHistory(800, { seed: 21 });
  it("the editor's slot advice is the insights page's best slot on the same posts", () => {
    const heatmap = timingHeatmap(posts, { timeZone: tz });
    const best = heatmap.bestSlots[0];
    expect(best).toBeDefined();
    const m = trainScorer(posts, {
      platform: "instagram",
      timeZone: tz,
      timing: slotTiming(posts, { timeZone: tz }),
    });
    // Planned on a Monday at 06:00, outside the best slot.
    const s = scoreDraft({ ...draft, plannedAt: "2026-03-02T06:00:00Z" }, m);
    expect(s.slotAdvice).toMatchObject({
      weekday: best?.weekday,
      startHour: best?.startHour,
      endHour: best?.endHour,
      n: best?.n,
    });
    expect(s.slotAdvice?.lift).toBeCloseTo(best?.lift as number, 12);
    expect(s.suggestions.find((x) => x.kind === "slot")?.text ?? s.slotAdvice?.text).toContain(
      `from ${best?.n} posts`,
    );
    // Planned in the best slot itself: no advice.
    const at = new Date(
      Date.UTC(2026, 2, 2 + (best?.weekday as number), best?.startHour as number),
    ).toISOString();
    expect(scoreDraft({ ...draft, plannedAt: at }, m).slotAdvice).toBeNull();
  });
});

describe("draftForScoring", () => {
  it("is the one mapping from an edited draft to the scorer's input", () => {
    expect(
      draftForScoring(
        {
          contentType: "latte-art-fridays",
          format: "carousel",
          caption: "Hi",
          plannedAt: new Date("2026-03-02T06:00:00Z"),
          mediaCount: 2,
        },
        "instagram",
      ),
    ).toEqual({
      platform: "instagram",
      contentType: null,
      format: "carousel",
      caption: "Hi",
      plannedAt: "2026-03-02T06:00:00.000Z",
      mediaCount: 2,
    });
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
