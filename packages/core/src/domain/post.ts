/**
 * The one normalized post shape every importer produces and every analysis reads. Counts are
 * optional: a missing count is missing (undefined or null), never zero.
 */
import { z } from "zod";
import { ContentTypeSchema, FormatSchema, PlatformSchema } from "./vocabulary";

const count = z.number().finite().nonnegative().nullish();

/**
 * When a source gives no full date (the UCI file has only month, weekday and hour), the slot is
 * kept as reported, in the page's own local time. Weekday 0 = Monday.
 */
export const PostSlotSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  month: z.number().int().min(1).max(12).nullish(),
});
export type PostSlot = z.infer<typeof PostSlotSchema>;

export const PostSchema = z.object({
  id: z.string(),
  platform: PlatformSchema,
  /** ISO 8601 instant (UTC), or missing when the source has no full date. */
  publishedAt: z.string().nullish(),
  /** Local slot as reported by a source without full dates. */
  slot: PostSlotSchema.nullish(),
  contentType: ContentTypeSchema.nullish(),
  format: FormatSchema.nullish(),
  caption: z.string().nullish(),
  mediaCount: count,
  /** The post carries a link (known from the source's post type when there is no caption). */
  hasLink: z.boolean().nullish(),
  paid: z.boolean().nullish(),
  /** Followers at posting time. */
  followers: count,
  reach: count,
  impressions: count,
  views: count,
  likes: count,
  comments: count,
  shares: count,
  saves: count,
  /** People who clicked anywhere in the post (Facebook "consumers"); used by the evaluation. */
  clicks: count,
  /** Source-specific fields kept for display (e.g. the UCI category), never used as numbers. */
  extra: z.record(z.string(), z.string()).nullish(),
});
export type Post = z.infer<typeof PostSchema>;

/** A daily follower count, for spike and drop detection. */
export const FollowerSnapshotSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  followers: z.number().finite().nonnegative(),
});
export type FollowerSnapshot = z.infer<typeof FollowerSnapshotSchema>;

/** Treats null, undefined and non-finite numbers alike as missing. */
export function present(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
