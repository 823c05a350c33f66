/** For test files: the database this run tests against (PostgreSQL when TEST_DATABASE_URL is set). */
import { inject } from "vitest";
import { testDatabaseUrl } from "./env";
import { createTestDatabase } from "./index";

export function openTestDatabase() {
  return createTestDatabase(
    testDatabaseUrl ? { postgresUrl: testDatabaseUrl } : { snapshotFile: inject("pgliteSnapshot") },
  );
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the migrated PGlite dump made by the global setup. */
    pgliteSnapshot: string;
  }
}
