/**
 * Import jobs: an uploaded file parsed as a stream, previewed (new / updated / rejected) and only then
 * committed in one transaction. The job row carries the progress the browser shows, so a reload
 * finds it again.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { socialProfiles } from "./social-profiles";
import { users } from "./users";
import { workspaces } from "./workspaces";

export type ImportKind = "meta-csv" | "uci-csv" | "instagram-json" | "mapped-csv" | "followers-csv";
export type ImportStatus = "uploaded" | "analysing" | "previewed" | "committing" | "done" | "failed" | "cancelled";

export const imports = pgTable(
  "imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid()
      .notNull()
      .references(() => socialProfiles.id, { onDelete: "cascade" }),
    kind: text().$type<ImportKind>().notNull(),
    fileName: text().notNull(),
    fileBytes: integer().notNull(),
    /** Where the uploaded file is kept until the import ends (a storage key, not a path from the user). */
    storageKey: text().notNull(),
    mapping: jsonb().$type<Record<string, string>>(),
    status: text().$type<ImportStatus>().notNull().default("uploaded"),
    bytesProcessed: integer().notNull().default(0),
    rowsProcessed: integer().notNull().default(0),
    newCount: integer().notNull().default(0),
    updatedCount: integer().notNull().default(0),
    unchangedCount: integer().notNull().default(0),
    rejectedCount: integer().notNull().default(0),
    error: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.workspaceId, t.createdAt)],
);

export const importRejections = pgTable(
  "import_rejections",
  {
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    row: integer().notNull(),
    reason: text().notNull(),
  },
  (t) => [index().on(t.importId, t.row)],
);

/** Column mappings for "any CSV", saved per workspace and offered again next time. */
export const columnMappings = pgTable(
  "column_mappings",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    mapping: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId)],
);
