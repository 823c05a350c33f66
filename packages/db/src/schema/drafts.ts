/**
 * Drafts and their media. A draft carries a version number: a save names the version it edited,
 * so two tabs never silently overwrite each other. The server's score is stored with the model
 * version that made it.
 */
import { index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { socialProfiles } from "./social-profiles";
import { users } from "./users";
import { workspaces } from "./workspaces";

export type DraftStatus = "draft" | "scheduled" | "published" | "archived";

/** The content types a workspace uses: the defaults from core, renamable and extendable. */
export const contentTypes = pgTable(
  "content_types",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text().notNull(),
    label: text().notNull(),
    position: integer().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

export const drafts = pgTable(
  "drafts",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid()
      .notNull()
      .references(() => socialProfiles.id, { onDelete: "cascade" }),
    contentType: text(),
    format: text(),
    caption: text().notNull().default(""),
    firstComment: text().notNull().default(""),
    notes: text().notNull().default(""),
    labels: text().array().notNull().default([]),
    plannedAt: timestamp({ withTimezone: true }),
    status: text().$type<DraftStatus>().notNull().default("draft"),
    version: integer().notNull().default(1),
    score: real(),
    scoreBand: text(),
    scoreDetails: jsonb(),
    modelVersion: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId, t.updatedAt)],
);

/** Uploaded media, content-addressed per workspace (the same bytes are stored once). */
export const media = pgTable(
  "media",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    sha256: text().notNull(),
    mimeType: text().notNull(),
    byteSize: integer().notNull(),
    width: integer(),
    height: integer(),
    storageKey: text().notNull(),
    thumbnailKey: text(),
    originalName: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.sha256)],
);

export const draftMedia = pgTable(
  "draft_media",
  {
    draftId: uuid()
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    mediaId: uuid()
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.mediaId] }), index().on(t.draftId, t.position)],
);
