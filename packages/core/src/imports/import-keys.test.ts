import { describe, expect, it } from "vitest";
import { parseCount } from "./cells";
import { parseInstagramPostsJson } from "./instagram-json";
import { MAPPER_FIELD_LABELS, parseMappedCsv, suggestColumns } from "./mapped-csv";
import { parseMetaBusinessSuiteCsv } from "./meta-business-suite";

describe("the column mapper's suggestions", () => {
  it("matches columns named exactly like its own labels", () => {
    const headers = [
      "Post id",
      "Published at",
      "Caption",
      "Format",
      "Content type",
      "Likes",
      "Media count",
    ];
    expect(suggestColumns(headers)).toEqual({
      id: "Post id",
      publishedAt: "Published at",
      caption: "Caption",
      format: "Format",
      contentType: "Content type",
      likes: "Likes",
      mediaCount: "Media count",
    });
  });
  it("matches every label it shows, and Meta's names before them", () => {
    for (const [field, label] of Object.entries(MAPPER_FIELD_LABELS))
      expect(suggestColumns([label])[field as "id"]).toBe(label);
    expect(suggestColumns(["Publish time", "Published at"]).publishedAt).toBe("Publish time");
  });
});

describe("rows without a post id", () => {
  const mapping = {
    platform: "instagram",
    timeZone: "UTC",
    columns: { id: "id", publishedAt: "when", likes: "likes" },
  } as const;
  it("are refused with a reason, never given an id from their row number", () => {
    const r = parseMappedCsv(
      "id,when,likes\n,2024-05-01T10:00:00Z,3\nA1,2024-05-02T10:00:00Z,4\n",
      mapping,
    );
    expect(r.posts.map((p) => p.id)).toEqual(["A1"]);
    expect(r.rejected).toEqual([
      {
        row: 2,
        reason:
          "id is empty: each post needs its id so a later import updates it instead of adding it again",
      },
    ]);
  });
  it("in a Meta export say which column is empty", () => {
    const r = parseMetaBusinessSuiteCsv("Post ID,Publish time,Likes\n,05/01/2024 10:00,3\n", {
      timeZone: "UTC",
      platform: "instagram",
    });
    expect(r.rejected[0]?.reason).toMatch(/^Post ID is empty/);
  });
});

describe("negative counts", () => {
  it("say they are negative", () => {
    expect(parseCount("-5")).toBe("negative");
    expect(parseCount("−5")).toBe("negative");
    expect(parseCount("-")).toBeUndefined();
    const r = parseMetaBusinessSuiteCsv("Post ID,Publish time,Likes\n1,05/01/2024 10:00,-5\n", {
      timeZone: "UTC",
      platform: "instagram",
    });
    expect(r.rejected).toEqual([
      { row: 2, reason: "Likes -5 is negative: counts can't be below zero" },
    ]);
  });
});

describe("Instagram JSON keys", () => {
  const post = (ts: number, uri: string, title: string) => ({
    title,
    media: [{ uri, creation_timestamp: ts, title }],
  });
  it("do not depend on a post's position in the file", () => {
    const older = [
      post(1_700_000_000, "media/posts/202311/1.jpg", "Croissants"),
      post(1_699_000_000, "media/posts/202311/2.jpg", "Bread"),
    ];
    const first = parseInstagramPostsJson(JSON.stringify(older));
    const later = parseInstagramPostsJson(
      JSON.stringify([post(1_701_000_000, "media/posts/202312/3.jpg", "New"), ...older]),
    );
    const ids = (r: typeof first) => r.posts.map((p) => p.id);
    expect(ids(later).slice(1)).toEqual(ids(first));
    expect(new Set(ids(later)).size).toBe(3);
  });
  it("tell apart two posts created in the same second", () => {
    const r = parseInstagramPostsJson(
      JSON.stringify([post(1_700_000_000, "a.jpg", "x"), post(1_700_000_000, "b.jpg", "x")]),
    );
    expect(r.posts[0]!.id).not.toBe(r.posts[1]!.id);
  });
});
