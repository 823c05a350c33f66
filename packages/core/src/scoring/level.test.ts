import { describe, expect, it } from "vitest";
import { createRandom } from "../stats/random";
import { chooseLevel, levelAhead, LEVEL_WINDOWS } from "./level";
import { HORIZONS } from "./train";

function normals(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from(
    { length: n },
    () => Math.sqrt(-2 * Math.log(Math.max(1e-12, random()))) * Math.cos(2 * Math.PI * random()),
  );
}

describe("the level ahead", () => {
  it("is the current level for the next post with phi = 1 and closes on the long run with phi < 1", () => {
    expect(levelAhead(2, 3, 1, 150)).toBe(3);
    expect(levelAhead(2, 3, 0.9, 1)).toBeCloseTo(2.9, 10);
    expect(levelAhead(2, 3, 0.9, 150)).toBeCloseTo(2, 5);
  });

  it("keeps the recent level when the account moved for good (a step)", () => {
    const e = normals(400, 3);
    const r = Float64Array.from(e, (v, i) => (i >= 200 ? 1 : 0) + 0.3 * v);
    const choice = chooseLevel(r, 280, null, LEVEL_WINDOWS, HORIZONS, 10);
    expect(choice.phi).toBeGreaterThanOrEqual(0.98);
  });

  it("falls back to the long run when recent swings pass (bursts around one level)", () => {
    const e = normals(400, 4);
    const burst = (i: number) => i % 100 >= 0 && i % 100 < 30;
    const r = Float64Array.from(e, (v, i) => (burst(i) ? 1 : 0) + 0.3 * v);
    const choice = chooseLevel(r, 280, null, LEVEL_WINDOWS, HORIZONS, 10);
    expect(choice.phi).toBeLessThan(0.98);
    expect(choice.window).toBeLessThanOrEqual(20);
    // Its ranges come from out-of-sample residuals at every horizon the validation posts allow.
    expect(choice.residuals.map((q) => q.h)).toEqual(HORIZONS.filter((h) => h <= 256));
  });
});
