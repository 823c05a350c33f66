/**
 * A profile's recurring weekly posting slots (the queue): a weekday and a wall-clock time on the
 * profile's clock. "Add to queue" fills the next free one.
 */
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { socialProfiles } from "./social-profiles";
import { users } from "./users";

export const postingSlots = pgTable(
  "posting_slots",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull(),
    profileId: uuid().notNull(),
    /** 0 = Monday ... 6 = Sunday. */
    weekday: integer().notNull(),
    /** "HH:mm" on the profile's clock. */
    localTime: text().notNull(),
    /** "suggested" from the heatmap (with its evidence) or "manual". */
    source: text().$type<"suggested" | "manual">().notNull().default("manual"),
    evidence: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One key checks both: a slot cannot claim a workspace its profile is not in.
    foreignKey({
      name: "posting_slots_profile_workspace_fk",
      columns: [t.profileId, t.workspaceId],
      foreignColumns: [socialProfiles.id, socialProfiles.workspaceId],
    }).onDelete("cascade"),
    unique().on(t.profileId, t.weekday, t.localTime),
    check("posting_slots_weekday_check", sql`weekday between 0 and 6`),
    check("posting_slots_local_time_check", sql`local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);
