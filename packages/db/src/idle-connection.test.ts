/**
 * PostgreSQL closing an idle connection (a restart, a failover, an administrator) must not crash the
 * process: the pool replaces it and the next query works. PostgreSQL only (TEST_DATABASE_URL).
 */
import { describe, expect, it } from "vitest";
import pg from "pg";
import { createDatabase } from "./client";
import { sql } from "./index";
import { testDatabaseUrl } from "./testing/env";

describe.skipIf(!testDatabaseUrl)("an idle connection closed by the server", () => {
  it("is replaced, and the next query answers", async () => {
    const handle = await createDatabase({ url: testDatabaseUrl });
    try {
      const app = "rapport-idle-test-" + process.pid;
      await handle.db.execute(sql.raw(`set application_name = '${app}'`));
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      const killed = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
        [app],
      );
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      // The pool hears of it as an 'error' on an idle client; without a listener the process would throw.
      await new Promise((r) => setTimeout(r, 200));
      const r = await handle.db.execute(sql`select 1 as one`);
      expect((r as unknown as { rows: { one: number }[] }).rows[0]!.one).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
