/**
 * Permalinks of live posts, checked per platform, and the post id each one carries (used to match
 * the post when its metrics are imported later).
 */
export type PermalinkPlatform = "instagram" | "facebook" | "tiktok" | "x" | "linkedin";

const RULES: Record<PermalinkPlatform, { hosts: RegExp; path: RegExp; example: string }> = {
  instagram: {
    hosts: /^(www\.)?instagram\.com$/,
    path: /^\/(?:[A-Za-z0-9._]+\/)?(?:p|reel|reels|tv)\/([A-Za-z0-9_-]+)\/?$/,
    example: "https://www.instagram.com/p/C8abc123XyZ/",
  },
  facebook: {
    hosts: /^((www|m|web)\.)?facebook\.com$|^fb\.watch$/,
    path: /^\/(?:.*\/)?(?:posts|videos|reel|photos|permalink\.php|story\.php|share\/p|share\/r|watch)(?:\/|\?|$)|^\/[^/]+\/?$/,
    example: "https://www.facebook.com/yourpage/posts/pfbid02abc",
  },
  tiktok: {
    hosts: /^(www\.|vm\.|vt\.)?tiktok\.com$/,
    path: /^\/(?:@[^/]+\/(?:video|photo)\/(\d+)|[A-Za-z0-9]+)\/?$/,
    example: "https://www.tiktok.com/@yourname/video/7301234567890123456",
  },
  x: {
    hosts: /^(www\.|mobile\.)?(x|twitter)\.com$/,
    path: /^\/[A-Za-z0-9_]+\/status\/(\d+)\/?$/,
    example: "https://x.com/yourname/status/1790000000000000000",
  },
  linkedin: {
    hosts: /^(www\.)?linkedin\.com$/,
    path: /^\/(?:posts\/[^/]+|feed\/update\/urn:li:(?:activity|share|ugcPost):(\d+))\/?$/,
    example: "https://www.linkedin.com/posts/yourname_activity-7190000000000000000-abcd",
  },
};

const PLATFORM_NAMES: Record<PermalinkPlatform, string> = {
  instagram: "Instagram",
  facebook: "Facebook",
  tiktok: "TikTok",
  x: "X",
  linkedin: "LinkedIn",
};

export type PermalinkCheck =
  { ok: true; url: string; externalId: string | null } | { ok: false; message: string };

export function checkPermalink(platform: PermalinkPlatform, raw: string): PermalinkCheck {
  const rule = RULES[platform];
  const name = PLATFORM_NAMES[platform];
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      message: `Paste the post's full link from ${name}, such as ${rule.example}.`,
    };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return {
      ok: false,
      message: `Paste the post's full link from ${name}, such as ${rule.example}.`,
    };
  if (!rule.hosts.test(url.hostname.toLowerCase())) {
    return {
      ok: false,
      message: `This is not ${name === "Instagram" ? "an" : "a"} ${name} link (it points to ${url.hostname}). Paste the post's link from ${name}, such as ${rule.example}.`,
    };
  }
  const m = rule.path.exec(url.pathname);
  if (!m && !(platform === "facebook" && url.searchParams.has("story_fbid"))) {
    return {
      ok: false,
      message: `This ${name} link does not point to one post. Open the post and copy its link, such as ${rule.example}.`,
    };
  }
  url.hash = "";
  if (platform !== "facebook") url.search = "";
  return {
    ok: true,
    url: url.toString(),
    externalId: m?.[1] ?? url.searchParams.get("story_fbid") ?? null,
  };
}
