/** The app's one database handle: migrated once at start, shared by every request. */
import { DataDirLockedError, openDatabase, sql, type DatabaseHandle } from "@rapport/db";
import path from "node:path";
import { env } from "./env.server";

declare global {
  // Kept across dev-server reloads so PGlite's folder is opened once.
  // eslint-disable-next-line no-var -- a global declaration needs var
  var __rapportDb: Promise<DatabaseHandle> | undefined;
}

export function getDatabase(): Promise<DatabaseHandle> {
  globalThis.__rapportDb ??= openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.DATA_DIR, "db") },
  );
  return globalThis.__rapportDb;
}

export async function db() {
  return (await getDatabase()).db;
}

/** Resolves once the database answers a query (readiness). */
export async function pingDatabase(): Promise<void> {
  await (await db()).execute(sql`select 1`);
}

// Open (and migrate) as soon as the server loads, not on the first visitor's request.
getDatabase().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    // A second server or worker on the same folder would corrupt it: refuse to run at all.
    console.error(error.message);
    process.exit(1);
  }
  console.error("The database could not be opened:", error);
  process.exitCode = 1;
});
