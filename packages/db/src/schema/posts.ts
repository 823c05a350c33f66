/**
 * Past posts with their measured metrics (imported or typed in), and daily follower counts. Counts
 * are nullable: a metric the source did not report is missing, never zero.
 */
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { socialProfiles } from "./social-profiles";
import { workspaces } from "./workspaces";
import { imports } from "./imports";

/**
 * A post's workspace and profile are checked by ONE composite foreign key, (profile, workspace) ->
 * social_profiles(id, workspace): a post cannot claim a workspace its profile is not in, and a bulk
 * import pays for one key check per row instead of two. Deleting a workspace removes its profiles,
 * which removes their posts.
 */
export const posts = pgTable(
  "posts",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull(),
    profileId: uuid().notNull(),
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
    importId: uuid().references(() => imports.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Named: the generated name is longer than PostgreSQL's 63 characters and would be cut.
    foreignKey({
      name: "posts_profile_workspace_fk",
      columns: [t.profileId, t.workspaceId],
      foreignColumns: [socialProfiles.id, socialProfiles.workspaceId],
    }).onDelete("cascade"),
    unique().on(t.profileId, t.externalId),
    index().on(t.workspaceId, t.profileId, t.publishedAt),
  ],
);

export const followerSnapshots = pgTable(
  "follower_snapshots",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid()
      .notNull()
      .references(() => socialProfiles.id, { onDelete: "cascade" }),
    date: date({ mode: "string" }).notNull(),
    followers: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.date] })],
);
