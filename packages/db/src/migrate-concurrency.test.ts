/**
 * Scale-out: N web processes and M workers may start at the same moment on one fresh PostgreSQL
 * database. Their migrations take turns (an advisory lock), so every process starts. PostgreSQL
 * only: runs when TEST_DATABASE_URL is set (the PostgreSQL pass of `pnpm test`).
 */
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createDatabase, type DatabaseHandle } from "./client";
import { testDatabaseUrl } from "./testing/env";

const name = `rapport_migrate_${randomBytes(4).toString("hex")}`;
const handles: DatabaseHandle[] = [];

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: testDatabaseUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

describe.skipIf(!testDatabaseUrl)("migrations started by several processes at once (PostgreSQL)", () => {
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await admin(`drop database if exists ${name} with (force)`);
  });

  it("all succeed, and the schema is applied once", async () => {
    await admin(`create database ${name}`);
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    for (let i = 0; i < 4; i++) handles.push(await createDatabase({ url: url.toString() }));
    const results = await Promise.allSettled(handles.map((h) => h.migrate()));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const applied = await handles[0]!.db.execute("select count(*)::int as n from drizzle.__drizzle_migrations");
    const files = await handles[0]!.db.execute("select count(*)::int as n from information_schema.tables where table_name = 'workspaces'");
    expect((files as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    expect((applied as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);
  }, 120_000);
});
