import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCount, parseDateCell } from "./cells";
import { parseInstagramPostsJson, repairDoubleEncodedUtf8 } from "./instagram-json";
import { parseMappedCsv } from "./mapped-csv";
import { createMetaCsvRowParser, parseMetaBusinessSuiteCsv } from "./meta-business-suite";
import { parseUciFacebookCsv } from "./uci-facebook";

const IG = `Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Follows,Comments,Saves
1789,17,bakery,Bakery,"Fresh bread, warm from the oven",0,03/14/2024 18:05,https://x/p/1,IG carousel,,Lifetime,"12,345","4,210",310,12,3,41,25
1790,17,bakery,Bakery,Closed Monday,0,03/15/2024 09:00,https://x/p/2,IG image,,Lifetime,900,700,40,,0,2,
1791,17,bakery,Bakery,Bad date,0,13/45/2024 09:00,https://x/p/3,IG reel,,Lifetime,900,700,40,1,0,2,1
1792,17,bakery,Bakery,Bad count,0,03/16/2024 09:00,https://x/p/4,IG reel,,Lifetime,900,lots,40,1,0,2,1
`;

const FB = `Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,Permalink,Is crosspost,Is share,Post type,Languages,Custom labels,Funded content status,Data comment,Date,Impressions,Reach,"Reactions, comments and shares",Reactions,Comments,Shares,Total clicks,Link clicks,Other clicks
55,9,Bakery,,Our new sourdough,0,07/01/2024 12:30,,https://f/1,No,No,Photos,,,,,Lifetime,"2,000","1,500",80,70,6,4,33,0,33
56,9,Bakery,,Read our story,0,07/02/2024 08:00,,https://f/2,No,No,Links,,,,,Lifetime,800,600,10,9,1,0,12,10,2
`;

describe("parseMetaBusinessSuiteCsv", () => {
  it("reads the Instagram variant with thousands separators and local times", () => {
    const r = parseMetaBusinessSuiteCsv(IG, { timeZone: "Europe/Lisbon" });
    expect(r.posts).toHaveLength(2);
    const [a, b] = r.posts;
    expect(a).toMatchObject({ id: "1789", platform: "instagram", format: "carousel", views: 12345, reach: 4210, likes: 310, comments: 41, saves: 25 });
    expect(a?.publishedAt).toBe("2024-03-14T18:05:00.000Z");
    expect(b?.shares).toBeUndefined();
    expect(b?.saves).toBeUndefined();
    expect(r.rejected).toEqual([
      { row: 4, reason: expect.stringContaining("not a date") },
      { row: 5, reason: expect.stringContaining("not a number") },
    ]);
  });
  it("reads the Facebook variant", () => {
    const r = parseMetaBusinessSuiteCsv(FB, { timeZone: "America/New_York" });
    expect(r.rejected).toEqual([]);
    expect(r.posts[0]).toMatchObject({ platform: "facebook", format: "single-image", impressions: 2000, reach: 1500, likes: 70, clicks: 33 });
    expect(r.posts[0]?.publishedAt).toBe("2024-07-01T16:30:00.000Z");
    expect(r.posts[1]).toMatchObject({ format: "text", hasLink: true });
  });
  it("has a row-at-a-time API", () => {
    const [header, row] = IG.split("\n");
    const parser = createMetaCsvRowParser((header as string).split(","), { timeZone: "UTC" });
    expect(parser.platform).toBe("instagram");
    const cells = (row as string).replace('"Fresh bread, warm from the oven"', "Fresh bread").replace('"12,345"', "12345").replace('"4,210"', "4210").split(",");
    const r = parser.parseRow(cells, 2);
    expect(r.ok).toBe(true);
  });
  it("rejects a file without a publish time column", () => {
    expect(parseMetaBusinessSuiteCsv("a,b\n1,2\n", { timeZone: "UTC" }).rejected[0]?.row).toBe(0);
  });
});

describe("parseUciFacebookCsv", () => {
  const head = "Page total likes;Type;Category;Post Month;Post Weekday;Post Hour;Paid;Lifetime Post Total Reach;Lifetime Post Total Impressions;Lifetime Engaged Users;Lifetime Post Consumers;Lifetime Post Consumptions;Lifetime Post Impressions by people who have liked your Page;Lifetime Post reach by people who like your Page;Lifetime People who have liked your Page and engaged with your post;comment;like;share;Total Interactions";
  it("maps type, category, slot and counts; empty cells are missing", () => {
    const csv = `${head}\n139441;Photo;2;12;4;3;0;2752;5091;178;109;159;3078;1640;119;4;79;17;100\n139441;Link;1;12;3;10;1;10460;19057;1457;1361;1674;11710;6112;1108;5;;;164\n1;Photo;2;12;9;3;0;1;1;1;1;1;1;1;1;1;1;1;1\n`;
    const r = parseUciFacebookCsv(csv);
    expect(r.posts[0]).toMatchObject({ followers: 139441, format: "single-image", contentType: "product", slot: { weekday: 3, hour: 3, month: 12 }, paid: false, reach: 2752, likes: 79, comments: 4, shares: 17, clicks: 109 });
    expect(r.posts[1]).toMatchObject({ format: "text", hasLink: true, contentType: "offer", paid: true });
    expect(r.posts[1]?.likes).toBeNull();
    expect(r.rejected).toEqual([{ row: 4, reason: "Post Weekday must be 1-7" }]);
  });
});

describe("parseInstagramPostsJson", () => {
  it("reads captions and dates and repairs double-encoded UTF-8", () => {
    const json = JSON.stringify([
      { media: [{ uri: "a.jpg", creation_timestamp: 1700000000, title: "Caf\u00c3\u00a9 time \u00f0\u009f\u0098\u008a" }] },
      { media: [{ uri: "b.jpg" }, { uri: "c.mp4" }], title: "Two", creation_timestamp: 1700003600 },
      { media: [] },
    ]);
    const r = parseInstagramPostsJson(json);
    expect(r.posts[0]?.caption).toBe("Café time 😊");
    expect(r.posts[0]?.publishedAt).toBe("2023-11-14T22:13:20.000Z");
    expect(r.posts[1]).toMatchObject({ format: "carousel", mediaCount: 2, caption: "Two" });
    expect(r.rejected).toEqual([{ row: 3, reason: "No creation date." }]);
  });
  it("leaves clean text alone", () => {
    expect(repairDoubleEncodedUtf8("Café ✓")).toBe("Café ✓");
    expect(repairDoubleEncodedUtf8("plain")).toBe("plain");
  });
  it("reports invalid JSON", () => expect(parseInstagramPostsJson("{").rejected[0]?.reason).toMatch(/JSON/));
});

describe("parseMappedCsv", () => {
  it("uses the explicit mapping", () => {
    const csv = "when;text;hearts;talk;people\n2024-05-01 10:00;Hello;10;2;100\n2024-05-02 10:00;Bye;x;1;50\n;;;;\n";
    const r = parseMappedCsv(csv, {
      platform: "tiktok",
      timeZone: "UTC",
      dateFormat: "YYYY-MM-DD HH:MM",
      delimiter: ";",
      columns: { publishedAt: "when", caption: "text", likes: "hearts", comments: "talk", reach: "people" },
    });
    // No post id column: each post is keyed on its content (publish time and caption), never its row.
    expect(r.posts).toHaveLength(1);
    expect(r.posts[0]).toMatchObject({ caption: "Hello", likes: 10, comments: 2, reach: 100, publishedAt: "2024-05-01T10:00:00.000Z" });
    expect(r.posts[0]!.id).toMatch(/^content-1714557600000-[0-9a-f]{8}$/);
    expect(r.rejected).toEqual([{ row: 3, reason: 'hearts "x" is not a number' }]);
    // A later copy of the sheet with a new post on top: the same post keeps the same key.
    const later = parseMappedCsv("when;text;hearts;talk;people\n2024-05-03 10:00;New;1;0;9\n2024-05-01 10:00;Hello;12;2;120\n", {
      platform: "tiktok",
      timeZone: "UTC",
      dateFormat: "YYYY-MM-DD HH:MM",
      delimiter: ";",
      columns: { publishedAt: "when", caption: "text", likes: "hearts", comments: "talk", reach: "people" },
    });
    expect(later.posts.map((p) => p.id)).toContain(r.posts[0]!.id);
    expect(new Set(later.posts.map((p) => p.id)).size).toBe(2);
    // Without ids and without a time, nothing tells one post from the next: refused, with the reason.
    const undated = parseMappedCsv("text,hearts\nHello,3\n", { platform: "x", timeZone: "UTC", columns: { caption: "text", likes: "hearts" } });
    expect(undated.rejected[0]?.reason).toMatch(/^No post id column and no /);
  });
  it("reports mapped columns missing from the file", () => {
    const r = parseMappedCsv("a\n1\n", { platform: "x", columns: { likes: "hearts" } });
    expect(r.rejected[0]?.reason).toMatch(/hearts/);
  });
});

describe("cells", () => {
  it.each([
    ["1,234", 1234],
    ["1 234", 1234],
    ["", undefined],
    ["  ", undefined],
    ["12a", "invalid"],
  ] as const)("parseCount(%s)", (cell, v) => expect(parseCount(cell)).toBe(v));
  it("reads MM/DD/YYYY across DST in the zone", () => {
    expect(parseDateCell("07/01/2024 12:00", "MM/DD/YYYY HH:MM", "Europe/Berlin")).toBe("2024-07-01T10:00:00.000Z");
    expect(parseDateCell("01/01/2024 12:00", "MM/DD/YYYY HH:MM", "Europe/Berlin")).toBe("2024-01-01T11:00:00.000Z");
    expect(parseDateCell("02/30/2024 12:00", "MM/DD/YYYY HH:MM", "UTC")).toBeNull();
  });
});

describe("parsers never throw", () => {
  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        for (const r of [
          parseMetaBusinessSuiteCsv(text, { timeZone: "UTC" }),
          parseUciFacebookCsv(text),
          parseInstagramPostsJson(text),
          parseMappedCsv(text, { platform: "instagram", columns: { likes: "Likes" } }),
        ]) {
          expect(Array.isArray(r.posts)).toBe(true);
          expect(Array.isArray(r.rejected)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
  it("on arbitrary CSV-like rows under a valid header", () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String), fc.constant(""));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 20 }), (rows) => {
        const body = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");
        const r = parseMetaBusinessSuiteCsv(`${IG.split("\n")[0]}\n${body}`, { timeZone: "UTC" });
        expect(r.posts.length + r.rejected.length).toBeLessThanOrEqual(rows.length);
      }),
      { numRuns: 200 },
    );
  });
  it("on arbitrary JSON values", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void expect(() => parseInstagramPostsJson(v)).not.toThrow()), { numRuns: 300 });
  });
});
