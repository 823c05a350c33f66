import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mad, median, modifiedZScores, percentileRank, quantile, spearman } from "./descriptive";
import { createRandom, shuffled } from "./random";
import { evidenceState, groupEffects, shrinkWeight } from "./shrinkage";

describe("descriptive", () => {
  it.each([
    [[], null],
    [[3], 3],
    [[1, 3], 2],
    [[5, 1, 3], 3],
  ])("median of %j", (xs, m) => expect(median(xs)).toBe(m));
  it("quantile and MAD", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });
  it("modified z-scores flag a lone jump, even with zero MAD", () => {
    const z = modifiedZScores([0, 0, 0, 0, 0, 0, 100]);
    expect(Math.abs(z[6] as number)).toBeGreaterThan(3.5);
  });
  it("spearman", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });
  it("percentileRank", () => {
    expect(percentileRank([1, 2, 3, 4], 2.5)).toBe(0.5);
    expect(percentileRank([], 1)).toBe(0.5);
  });
});

describe("random", () => {
  it("is reproducible", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(shuffled([1, 2, 3, 4, 5], createRandom(1)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("shrinkage", () => {
  it.each([
    [0, "not-enough-posts"],
    [2, "not-enough-posts"],
    [3, "tentative"],
    [9, "tentative"],
    [10, "normal"],
  ] as const)("state for n=%i", (n, s) => expect(evidenceState(n)).toBe(s));

  it("gives the same interval for the same seed", () => {
    const values = [0.1, 0.3, -0.2, 0.5, 0.2, 0.9, -0.4, 0.1, 0.0, 0.3];
    const keys = values.map((_, i) => (i % 2 ? "a" : "b"));
    const one = groupEffects(values, keys, ["a", "b"], { seed: 9 });
    const two = groupEffects(values, keys, ["a", "b"], { seed: 9 });
    expect(one).toEqual(two);
  });

  it("shrunk estimates lie between the raw value and the baseline", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom("a", "b", "c")), { minLength: 1, maxLength: 60 }),
        (pairs) => {
          const fx = groupEffects(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            ["a", "b", "c"],
            { resamples: 50 },
          );
          for (const g of fx.groups) {
            expect(Number.isFinite(g.lift)).toBe(true);
            if (g.rawLift === null) {
              expect(g.lift).toBe(1);
              continue;
            }
            const lo = Math.min(1, g.rawLift);
            const hi = Math.max(1, g.rawLift);
            expect(g.lift).toBeGreaterThanOrEqual(lo * (1 - 1e-9));
            expect(g.lift).toBeLessThanOrEqual(hi * (1 + 1e-9));
            if (g.interval) expect(g.interval.low).toBeLessThanOrEqual(g.interval.high);
          }
        },
      ),
    );
  });

  it("large groups get the normal interval, and it matches the bootstrap's", () => {
    // Skewed log-scale outcomes (a log-normal rate plus an offset), two groups of 600 and 900.
    const random = createRandom(5);
    const values: number[] = [];
    const keys: ("a" | "b")[] = [];
    for (let i = 0; i < 1500; i++) {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      values.push(Math.log(Math.exp(z * 0.9 + (i < 600 ? 0.2 : 0)) + 0.05));
      keys.push(i < 600 ? "a" : "b");
    }
    const normal = groupEffects(values, keys, ["a", "b"]);
    const boot = groupEffects(values, keys, ["a", "b"], { bootstrapUpTo: Infinity, resamples: 4000 });
    for (const [i, g] of normal.groups.entries()) {
      const b = boot.groups[i]!;
      expect(g.interval?.method).toBe("normal");
      expect(g.interval?.resamples).toBe(0);
      expect(b.interval?.method).toBe("bootstrap");
      expect(g.lift).toBe(b.lift);
      // Endpoints agree within 10% of the interval's width on the log scale.
      const width = Math.log(b.interval!.high) - Math.log(b.interval!.low);
      expect(Math.abs(Math.log(g.interval!.low) - Math.log(b.interval!.low))).toBeLessThan(0.1 * width);
      expect(Math.abs(Math.log(g.interval!.high) - Math.log(b.interval!.high))).toBeLessThan(0.1 * width);
      expect(g.interval!.low).toBeLessThan(g.lift);
      expect(g.interval!.high).toBeGreaterThan(g.lift);
    }
  });

  it("small groups keep the bootstrap interval", () => {
    const values = Array.from({ length: 40 }, (_, i) => Math.sin(i) * 0.5);
    const keys = values.map((_, i) => (i % 2 ? "a" : "b"));
    for (const g of groupEffects(values, keys, ["a", "b"]).groups) {
      expect(g.interval).toMatchObject({ method: "bootstrap", resamples: 1000 });
    }
  });

  it("weights grow with sample size", () => {
    expect(shrinkWeight(1, 1, 0.1)).toBeLessThan(shrinkWeight(100, 1, 0.1));
    expect(shrinkWeight(0, 1, 0.1)).toBe(0);
  });
});
