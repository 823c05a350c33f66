/**
 * Computed insights, kept so a page view does not re-run every analysis over every post. A snapshot
 * is served only while its `data_version` equals its workspace's: triggers on posts, follower
 * counts and profiles bump the workspace's version in the same statement that changes the data
 * (migration 0003), so a snapshot can never outlive the data it was computed from.
 */
import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

export const insightSnapshots = pgTable(
  "insight_snapshots",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** The result format's version and the request's filters, as canonical JSON. */
    key: text().notNull(),
    /** The workspace's data version the result was computed from. */
    dataVersion: bigint({ mode: "number" }).notNull(),
    /** The result, as JSON text (parsed once in the server; jsonb would be parsed twice). */
    result: text().notNull(),
    /** How long computing it took, in milliseconds. */
    computeMs: integer().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);
