/**
 * Past posts with their measured metrics (imported or typed in), and daily follower counts. Counts
 * are nullable: a metric the source did not report is missing, never zero.
 */
import { date, foreignKey, index, integer, pgTable, primaryKey, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { socialProfiles } from "./social-profiles";
import { workspaces } from "./workspaces";
import { imports } from "./imports";
import { importedPostColumns } from "./post-columns";

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
    ...importedPostColumns(),
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
