import { describe, expect, it } from "vitest";
import { countCaption, countCodePoints, countHashtags, countMentions, xWeightedLength } from "./caption-limits";

describe("xWeightedLength (twitter-text v3 rules)", () => {
  it.each([
    ["plain latin", "hello world", 11],
    ["a URL counts as 23 however long", "see https://example.com/a/very/long/path/that/goes/on?x=1 now", 4 + 23 + 4],
    ["a bare domain is a URL too", "visit example.com", 6 + 23],
    ["CJK weighs 2", "日本語", 6],
    ["an emoji weighs 2", "hi 👋", 5],
    ["a ZWJ family emoji is one sequence of 2", "👨‍👩‍👧", 2],
    ["a skin-tone emoji is one sequence of 2", "👍🏽", 2],
    ["a flag is one sequence of 2", "🇵🇹", 2],
    ["curly quotes weigh 1", "“ok”", 4],
    ["accented latin weighs 1", "café", 4],
  ])("%s", (_name, text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
  });

  it("is over the limit at 281 latin characters and fine at 280", () => {
    expect(countCaption("a".repeat(280), "x").ok).toBe(true);
    const over = countCaption("a".repeat(281), "x");
    expect(over.ok).toBe(false);
    expect(over.problems[0]).toContain("1 too many");
  });

  it("fits 140 CJK characters, not 141", () => {
    expect(countCaption("字".repeat(140), "x").ok).toBe(true);
    expect(countCaption("字".repeat(141), "x").ok).toBe(false);
  });
});

describe("countCaption", () => {
  it("counts code points, so an emoji is one character on Instagram", () => {
    expect(countCodePoints("👋👋")).toBe(2);
    expect(countCaption("👋".repeat(2200), "instagram").ok).toBe(true);
    expect(countCaption("👋".repeat(2201), "instagram").ok).toBe(false);
  });

  it("flags more than 30 hashtags on Instagram with the numbers", () => {
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(" ");
    const c = countCaption(tags, "instagram");
    expect(c.hashtags).toBe(31);
    expect(c.ok).toBe(false);
    expect(c.problems).toEqual(["Instagram allows 30 hashtags; this caption has 31."]);
    expect(countCaption(tags, "facebook").ok).toBe(true);
  });

  it("flags more than 20 mentions on Instagram", () => {
    const mentions = Array.from({ length: 21 }, (_, i) => `@friend${i}`).join(" ");
    expect(countMentions(mentions)).toBe(21);
    expect(countCaption(mentions, "instagram").problems).toEqual(["Instagram allows 20 mentions; this caption has 21."]);
  });

  it("does not count emails, URL fragments or numbers as tags and mentions", () => {
    expect(countHashtags("email me at a@b.com, see example.com/#top, room #1")).toBe(0);
    expect(countMentions("email me at ana@example.com")).toBe(0);
    expect(countHashtags("#coffee and #latte_art")).toBe(2);
  });

  it.each([
    ["linkedin", 3000],
    ["facebook", 63206],
    ["tiktok", 2200],
    ["instagram", 2200],
  ] as const)("%s allows exactly %i characters", (platform, max) => {
    expect(countCaption("x".repeat(max), platform).ok).toBe(true);
    const over = countCaption("x".repeat(max + 1), platform);
    expect(over.ok).toBe(false);
    expect(over.remaining).toBe(-1);
  });
});
