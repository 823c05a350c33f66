/**
 * The shared vocabulary of Rapport: content types, formats and platforms as const arrays and zod
 * enums, so the API, the forms and the scorer all speak the same words.
 */
import { z } from "zod";

/** Bumped whenever a change would move stored scores; stored scores keep the version they were made with. */
export const MODEL_VERSION = "core-2026.11.3";

export const CONTENT_TYPES = [
  "photo-dump",
  "behind-the-scenes",
  "staff-spotlight",
  "customer-repost",
  "uncurated-lifestyle",
  "product",
  "offer",
  "announcement",
  "question-poll",
  "staged-shoot",
] as const;
export const ContentTypeSchema = z.enum(CONTENT_TYPES);
export type ContentType = z.infer<typeof ContentTypeSchema>;

/** Names a shop owner reads in the UI. */
export const CONTENT_TYPE_LABELS: Record<ContentType, string> = {
  "photo-dump": "Photo dump",
  "behind-the-scenes": "Behind the scenes / tour",
  "staff-spotlight": "Staff spotlight",
  "customer-repost": "Customer repost",
  "uncurated-lifestyle": "Uncurated lifestyle",
  product: "Product",
  offer: "Offer",
  announcement: "Announcement",
  "question-poll": "Question / poll",
  "staged-shoot": "Staged shoot",
};

export const FORMATS = ["single-image", "carousel", "video", "story", "text"] as const;
export const FormatSchema = z.enum(FORMATS);
export type Format = z.infer<typeof FormatSchema>;

export const FORMAT_LABELS: Record<Format, string> = {
  "single-image": "Single image",
  carousel: "Carousel",
  video: "Reel / video",
  story: "Story",
  text: "Text",
};

export const PLATFORMS = ["instagram", "facebook", "tiktok", "x", "linkedin"] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: "Instagram",
  facebook: "Facebook",
  tiktok: "TikTok",
  x: "X",
  linkedin: "LinkedIn",
};

export const ACCOUNT_KINDS = ["creator", "brand"] as const;
export const AccountKindSchema = z.enum(ACCOUNT_KINDS);
export type AccountKind = z.infer<typeof AccountKindSchema>;

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
