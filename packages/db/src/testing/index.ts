/**
 * Test databases: a fresh, migrated database per test file. PGlite in memory by default (a migrated
 * snapshot is made once per test run and loaded per file: ~1 s instead of ~5 s); a throwaway
 * PostgreSQL database when a server URL is given (the PostgreSQL suites).
 */
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createDatabase, openDatabase, type DatabaseHandle } from "../client";

export interface TestDatabaseOptions {
  /** A PostgreSQL server to create a throwaway database on; PGlite when absent. */
  postgresUrl?: string | undefined;
  /** A PGlite data-dir dump of a migrated database (made by `makePgliteSnapshot`). */
  snapshotFile?: string | undefined;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.postgresUrl) return createPostgresTestDatabase(options.postgresUrl);
  if (options.snapshotFile) {
    const dump = await readFile(options.snapshotFile);
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
    return createDatabase({ pglite });
  }
  return openDatabase({ dataDir: "memory://" });
}

/** Writes a dump of a freshly migrated PGlite database to `file`. */
export async function makePgliteSnapshot(file: string): Promise<void> {
  const handle = await openDatabase({ dataDir: "memory://" });
  const pglite = (handle.db as unknown as { $client: PGlite }).$client;
  const blob = await pglite.dumpDataDir("none");
  await writeFile(file, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
}

async function createPostgresTestDatabase(serverUrl: string): Promise<DatabaseHandle> {
  const name = `rapport_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
