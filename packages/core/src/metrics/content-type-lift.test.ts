import { describe, expect, it } from "vitest";
import type { Post } from "../domain/post";
import { generateSyntheticHistory } from "../testing/synthetic-history";
import { contentTypeLift } from "./content-type-lift";

const mk = (i: number, contentType: Post["contentType"], q: number): Post => ({
  id: String(i),
  platform: "instagram",
  contentType,
  format: "single-image",
  reach: 1000,
  likes: Math.round(q * 1000),
});

describe("contentTypeLift", () => {
  const history = generateSyntheticHistory(600, { seed: 5 });
  const result = contentTypeLift(history);

  it("lists every content type and format with a state", () => {
    expect(result.byContentType.rows).toHaveLength(10);
    expect(result.byFormat.rows).toHaveLength(5);
    expect(result.baseline.denominator).toBe("reach");
    expect(result.baseline.n).toBe(600);
  });

  it("finds the planted winner only when its interval excludes 1x", () => {
    const best = result.byContentType.rows.find((r) => r.isBest);
    // Planted: behind the scenes +0.4, question / poll +0.35, staff spotlight +0.3 (log scale).
    expect(["behind-the-scenes", "question-poll", "staff-spotlight"]).toContain(best?.key);
    expect(best?.interval?.low).toBeGreaterThan(1);
    const staged = result.byContentType.rows.find((r) => r.key === "staged-shoot");
    expect(staged?.lift).toBeLessThan(1);
  });

  it("is reproducible with a seed", () => {
    expect(contentTypeLift(history, { seed: 3 })).toEqual(contentTypeLift(history, { seed: 3 }));
  });

  it.each([
    [2, "not-enough-posts"],
    [5, "tentative"],
    [12, "normal"],
  ] as const)("%i posts of a type -> %s", (n, state) => {
    const posts = [...Array.from({ length: 20 }, (_, i) => mk(i, "product", 0.05 + (i % 3) * 0.01)), ...Array.from({ length: n }, (_, i) => mk(100 + i, "offer", 0.03))];
    const row = contentTypeLift(posts).byContentType.rows.find((r) => r.key === "offer");
    expect(row?.state).toBe(state);
    expect(row?.n).toBe(n);
  });

  it("does not call a best type from a tiny sample", () => {
    const posts = [...Array.from({ length: 20 }, (_, i) => mk(i, "product", 0.05)), mk(50, "offer", 0.5), mk(51, "offer", 0.5)];
    expect(contentTypeLift(posts).byContentType.best).toBeNull();
  });
});
