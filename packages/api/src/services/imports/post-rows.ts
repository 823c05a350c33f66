/**
 * Between core's normalized Post and the posts table: the columns an import writes (reading posts
 * back is services/posts.ts). Whether a row changes a stored post is decided in SQL (`postChanged` in bulk.ts).
 */
import type { Post } from "@rapport/core";

/** The columns an import writes, in the order the bulk statements use. */
export interface PostRowValues {
  externalId: string;
  publishedAt: string | null;
  slotWeekday: number | null;
  slotHour: number | null;
  slotMonth: number | null;
  contentType: string | null;
  contentTypeSource: "imported" | "suggested" | "confirmed" | null;
  format: string | null;
  caption: string | null;
  mediaCount: number | null;
  hasLink: boolean | null;
  paid: boolean | null;
  followers: number | null;
  reach: number | null;
  impressions: number | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
  extra: Record<string, string> | null;
}

const n = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? Math.round(v) : null);

/**
 * Content types come from the file when it has them. Suggestions from the caption are offered on the
 * posts page for a person to confirm, not stored at import: an unconfirmed guess should not feed
 * content-type lift, and suggesting costs ~0.2 ms a caption (20 s on a 100,000-row file).
 */
export function toPostRow(post: Post): PostRowValues {
  const contentType: string | null = post.contentType ?? null;
  const contentTypeSource: PostRowValues["contentTypeSource"] = contentType ? "imported" : null;
  return {
    externalId: post.id,
    publishedAt: post.publishedAt ?? null,
    slotWeekday: post.slot?.weekday ?? null,
    slotHour: post.slot?.hour ?? null,
    slotMonth: post.slot?.month ?? null,
    contentType,
    contentTypeSource,
    format: post.format ?? null,
    caption: post.caption ?? null,
    mediaCount: n(post.mediaCount),
    hasLink: post.hasLink ?? null,
    paid: post.paid ?? null,
    followers: n(post.followers),
    reach: n(post.reach),
    impressions: n(post.impressions),
    views: n(post.views),
    likes: n(post.likes),
    comments: n(post.comments),
    shares: n(post.shares),
    saves: n(post.saves),
    clicks: n(post.clicks),
    extra: post.extra && Object.keys(post.extra).length ? post.extra : null,
  };
}
