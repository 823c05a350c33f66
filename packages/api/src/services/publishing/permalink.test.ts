import { describe, expect, it } from "vitest";
import { checkPermalink } from "./permalink";

describe("permalinks per platform", () => {
  it.each([
    [
      "instagram",
      "https://www.instagram.com/p/C8abc123XyZ/?igsh=abc",
      "https://www.instagram.com/p/C8abc123XyZ/",
      "C8abc123XyZ",
    ],
    [
      "instagram",
      "https://instagram.com/reel/DA1b2C3d4E5/",
      "https://instagram.com/reel/DA1b2C3d4E5/",
      "DA1b2C3d4E5",
    ],
    [
      "x",
      "https://twitter.com/bistro/status/1790000000000000000?s=20",
      "https://twitter.com/bistro/status/1790000000000000000",
      "1790000000000000000",
    ],
    [
      "tiktok",
      "https://www.tiktok.com/@bistro/video/7301234567890123456",
      "https://www.tiktok.com/@bistro/video/7301234567890123456",
      "7301234567890123456",
    ],
    [
      "linkedin",
      "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000/",
      "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000/",
      "7190000000000000000",
    ],
    [
      "facebook",
      "https://www.facebook.com/bistro/posts/pfbid02abc",
      "https://www.facebook.com/bistro/posts/pfbid02abc",
      null,
    ],
  ] as const)("accepts a %s post link", (platform, raw, url, id) => {
    expect(checkPermalink(platform, raw)).toEqual({ ok: true, url, externalId: id });
  });

  it("refuses another platform's link, a profile page and text, saying what to paste", () => {
    expect(checkPermalink("instagram", "https://x.com/bistro/status/1")).toEqual({
      ok: false,
      message:
        "This is not an Instagram link (it points to x.com). Paste the post's link from Instagram, such as https://www.instagram.com/p/C8abc123XyZ/.",
    });
    expect(checkPermalink("instagram", "https://www.instagram.com/bistro/")).toMatchObject({
      ok: false,
      message: expect.stringContaining("does not point to one post"),
    });
    expect(checkPermalink("x", "posted!")).toMatchObject({
      ok: false,
      message: expect.stringContaining("Paste the post's full link from X"),
    });
  });
});
