/**
 * One client factory for every program: embedded PGlite persisted in a folder by default, a real
 * PostgreSQL server (node-postgres) when a connection URL is given. Same schema, same migrations.
 */
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Applies the committed migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection URL; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; "memory://" for an in-memory database. */
  dataDir?: string | undefined;
  /** An already opened PGlite instance (tests reuse a migrated snapshot). */
  pglite?: PGlite | undefined;
}

/** The committed migrations, resolved through the package (paths from import.meta.url break once bundled). */
export const migrationsFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@rapport/db/package.json")),
  "migrations",
);

/** Any constant both sides agree on: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_250_301;

/**
 * Several processes (N web, M workers) may start together on one PostgreSQL: each applies the
 * migrations under a session-level advisory lock held by one connection, so they take turns and the
 * later ones find nothing left to apply (instead of two racing to create the same tables).
 */
async function migrateOnePostgresAtATime(
  pool: pg.Pool,
  migrate: () => Promise<void>,
): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate();
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
}

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server closes (a restart, a failover, a database dropped under it) must
    // not take the process down: node-postgres emits it on the pool, and an unhandled 'error' event
    // throws. The pool replaces the connection; the next query works or fails on its own.
    pool.on("error", (error) => {
      console.warn(
        `PostgreSQL closed an idle connection (${(error as { code?: string }).code ?? error.message}); it will be replaced.`,
      );
    });
    const db = drizzlePg({ client: pool, schema, casing: "snake_case" });
    return {
      db: db as unknown as Database,
      kind: "postgres",
      migrate: () => migrateOnePostgresAtATime(pool, () => migratePg(db, { migrationsFolder })),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  const onDisk = !options.pglite && !dataDir.includes("://");
  if (onDisk) await mkdir(dataDir, { recursive: true });
  // Before PGlite touches the folder: a second process must not open it at all.
  const lock = onDisk ? lockDataDir(path.resolve(dataDir)) : null;
  let client: PGlite;
  try {
    client = options.pglite ?? (await PGlite.create(dataDir));
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Opens the database and brings it to the latest committed migration. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = await createDatabase(options);
  await handle.migrate();
  return handle;
}
