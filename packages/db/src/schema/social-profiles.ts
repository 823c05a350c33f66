/** The social accounts a workspace plans for: one row per platform handle. */
import { integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

export const platformEnum = pgEnum("platform", ["instagram", "facebook", "tiktok", "x", "linkedin"]);

export const socialProfiles = pgTable(
  "social_profiles",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    platform: platformEnum().notNull(),
    handle: text().notNull(),
    displayName: text().notNull(),
    /** IANA time zone, e.g. "Europe/Lisbon": timing advice is given in the profile's local time. */
    timeZone: text().notNull(),
    /** Followers now, as the user reports it; null when unknown (missing is not zero). */
    followerCount: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.workspaceId, t.platform, t.handle),
    // The target of posts' composite foreign key (profile, workspace).
    unique().on(t.id, t.workspaceId),
  ],
);
