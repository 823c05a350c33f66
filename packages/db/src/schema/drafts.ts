/**
 * Drafts and their media. A draft carries a version number: a save names the version it edited,
 * so two tabs never silently overwrite each other. The server's score is stored with the model
 * version that made it.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { socialProfiles } from "./social-profiles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * A post's lifecycle (core's DRAFT_STATUSES, repeated here because db imports nothing internal; a
 * CHECK constraint keeps the column to these values). Only the api's `transitionDraft` writes it.
 */
export const DRAFT_STATUS_VALUES = [
  "draft",
  "in_review",
  "approved",
  "scheduled",
  "publishing",
  "published",
  "failed",
  "needs_action",
  "cancelled",
  "archived",
] as const;
export type DraftStatus = (typeof DRAFT_STATUS_VALUES)[number];

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
    /**
     * The planned wall-clock time on the profile's clock ("YYYY-MM-DDTHH:mm"), set together with
     * `plannedAt`: when the profile's time zone changes, `plannedAt` is recomputed from it, so a
     * 09:00 post stays at 09:00 local (decision 701).
     */
    plannedLocal: text(),
    /** Demo drafts made by the seed, labelled as examples in the UI. */
    isExample: boolean().notNull().default(false),
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
  (t) => [
    index().on(t.workspaceId, t.updatedAt),
    index().on(t.workspaceId, t.plannedAt),
    check(
      "drafts_status_check",
      sql.raw(`status in (${DRAFT_STATUS_VALUES.map((v) => `'${v}'`).join(", ")})`),
    ),
    // drafts_planned_local_check (both times or neither) is added by migration 0006, after it backfills planned_local.
  ],
);

/**
 * Every status change of a draft: who (null for the publisher), when, from, to, and the comment an
 * owner sends back with. Written only by `transitionDraft`, in the transaction that changes the status.
 */
export const draftTransitions = pgTable(
  "draft_transitions",
  {
    id: uuid().primaryKey().defaultRandom(),
    draftId: uuid()
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Null for a draft's creation. */
    fromStatus: text().$type<DraftStatus>(),
    toStatus: text().$type<DraftStatus>().notNull(),
    /** Core's name for the move ("submit", "send_back", "schedule", ...); null for a creation or a migration. */
    action: text(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.draftId, t.createdAt), index().on(t.workspaceId, t.toStatus, t.createdAt)],
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
    /**
     * The file name this attachment was uploaded under: media rows are shared by content (the same
     * bytes are stored once per workspace), names belong to each use of them.
     */
    originalName: text(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.mediaId] }), index().on(t.draftId, t.position)],
);
