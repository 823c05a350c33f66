import { describe, expect, it } from "vitest";
import { generateSyntheticHistory } from "../testing/synthetic-history";
import { timingHeatmap } from "./heatmap";
import { suggestPostingSlots } from "./slot-suggestions";

describe("suggestPostingSlots", () => {
  const posts = generateSyntheticHistory(800, { seed: 21 });
  const map = timingHeatmap(posts, { timeZone: "UTC", denominator: "reach" });

  it("suggests the best slots first, one per weekday, each with evidence a person can check", () => {
    const s = suggestPostingSlots(map, 3);
    expect(s.length).toBeGreaterThan(0);
    const first = map.bestSlots[0]!;
    expect(s[0]).toMatchObject({
      weekday: first.weekday,
      localTime: `${String(first.startHour).padStart(2, "0")}:00`,
      n: first.n,
      confident: true,
    });
    expect(new Set(s.map((x) => x.weekday)).size).toBe(s.length);
    expect(s[0]?.evidence).toMatch(
      /^\w+day \d\d:00: \d+(\.\d)?x your typical post \(weighted interactions per person reached\), from \d+ posts; 95% interval/,
    );
  });

  it("suggests nothing when no slot did better than typical", () => {
    const flat = timingHeatmap(
      Array.from({ length: 60 }, (_, i) => ({
        id: String(i),
        platform: "instagram" as const,
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(),
        reach: 1000,
        likes: 50,
      })),
      { timeZone: "UTC" },
    );
    expect(suggestPostingSlots(flat)).toEqual([]);
  });
});
