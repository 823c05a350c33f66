/**
 * The columns an import writes to a post. `posts` and the import staging (`import_staged_posts`)
 * both spread them, so a column added here is staged and committed alike.
 */
import { boolean, integer, jsonb, text, timestamp } from "drizzle-orm/pg-core";

export function importedPostColumns() {
  return {
    /** The source's own post id (or a stable hash of the row when it has none): imports are idempotent on it. */
    externalId: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    /** Local slot for sources without full dates (UCI): weekday 0 = Monday. */
    slotWeekday: integer(),
    slotHour: integer(),
    slotMonth: integer(),
    contentType: text(),
    /** "imported" from the file, "suggested" by core from the caption, or "confirmed" by a person. */
    contentTypeSource: text().$type<"imported" | "suggested" | "confirmed">(),
    format: text(),
    caption: text(),
    mediaCount: integer(),
    hasLink: boolean(),
    paid: boolean(),
    followers: integer(),
    reach: integer(),
    impressions: integer(),
    views: integer(),
    likes: integer(),
    comments: integer(),
    shares: integer(),
    saves: integer(),
    clicks: integer(),
    extra: jsonb().$type<Record<string, string>>(),
  };
}

/** Their SQL names (snake_case, as the database has them), in the same order. */
export const IMPORTED_POST_COLUMN_NAMES: readonly string[] = Object.keys(importedPostColumns()).map((key) =>
  key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
);
