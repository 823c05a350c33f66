/**
 * Import jobs: an uploaded file parsed as a stream, previewed (new / updated / rejected) and only then
 * committed in one transaction. The job row carries the progress the browser shows, so a reload
 * finds it again.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { importedPostColumns } from "./post-columns";
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

/**
 * The good rows of a post import, written by the dry run and read by the commit, so the file is parsed
 * once: the preview counts and the commit both compare these rows with \`posts\` in SQL, with the same
 * predicate. Removed when the import is committed, cancelled, fails or is analysed again; cascades
 * with its import. The columns an import writes to `posts` (post-columns.ts), nothing the commit fills in.
 */
export const importStagedPosts = pgTable(
  "import_staged_posts",
  {
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    /** The row's number in the file: the commit walks the rows in ranges of it to report progress. */
    row: integer().notNull(),
    ...importedPostColumns(),
    // Written by COPY and read back in SQL: the instant stays the text the parser produced.
    publishedAt: timestamp({ withTimezone: true, mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.importId, t.row] })],
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
