/**
 * Migration 0006 on data written before planning existed: planned times get their wall time on the
 * profile's clock, every draft gets a first history row, and a label-only "scheduled" without a
 * future time goes back to draft with the reason recorded.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../migrations");
let pg: PGlite;

async function apply(file: string) {
  const text = await readFile(path.join(dir, file), "utf8");
  for (const statement of text.split("--> statement-breakpoint"))
    if (statement.trim()) await pg.exec(statement);
}

beforeAll(async () => {
  pg = await PGlite.create();
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  for (const f of files.filter((f) => f < "0006")) await apply(f);
  await pg.exec(`
    insert into workspaces (id, name) values ('00000000-0000-4000-8000-000000000001', 'w');
    insert into social_profiles (id, workspace_id, platform, handle, display_name, time_zone) values
      ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'instagram', 'h', 'h', 'Europe/Paris');
    insert into drafts (id, workspace_id, profile_id, planned_at, status) values
      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '2031-03-31T07:00:12Z', 'scheduled'),
      ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '2020-03-30T07:00:00Z', 'scheduled'),
      ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', null, 'scheduled'),
      ('00000000-0000-4000-8000-00000000000d', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', null, 'published');
  `);
  for (const f of (await readdir(dir)).filter((f) => f.endsWith(".sql") && f >= "0006").sort())
    await apply(f);
}, 180_000); // a fresh PGlite (initdb) and every migration: seconds alone, minutes on a busy machine
afterAll(() => pg.close());

describe("migration 0006 (planning backfill)", () => {
  it("keeps future scheduled posts, sends label-only ones back to draft, and fills in the local time", async () => {
    const { rows } = await pg.query<{
      id: string;
      status: string;
      planned_at: Date | null;
      planned_local: string | null;
      version: number;
    }>(
      "select right(id::text, 1) as id, status, planned_at, planned_local, version from drafts order by id",
    );
    expect(
      rows.map((r) => [
        r.id,
        r.status,
        r.planned_local,
        r.planned_at?.toISOString() ?? null,
        r.version,
      ]),
    ).toEqual([
      ["a", "scheduled", "2031-03-31T09:00", "2031-03-31T07:00:00.000Z", 1],
      ["b", "draft", "2020-03-30T09:00", "2020-03-30T07:00:00.000Z", 2],
      ["c", "draft", null, null, 2],
      ["d", "published", null, null, 1],
    ]);
  });

  it("records a first history row for every draft and the reason for each move back", async () => {
    const { rows } = await pg.query<{
      id: string;
      from_status: string | null;
      to_status: string;
      comment: string;
    }>(
      "select right(draft_id::text, 1) as id, from_status, to_status, comment from draft_transitions order by draft_id, from_status nulls first",
    );
    expect(rows.map((r) => [r.id, r.from_status, r.to_status])).toEqual([
      ["a", null, "scheduled"],
      ["b", null, "scheduled"],
      ["b", "scheduled", "draft"],
      ["c", null, "scheduled"],
      ["c", "scheduled", "draft"],
      ["d", null, "published"],
    ]);
    expect(rows[2]?.comment).toMatch(/without a time in the future/);
  });

  it("then holds planned times and statuses to their rules", async () => {
    await expect(
      pg.exec("update drafts set planned_local = null where right(id::text, 1) = 'a'"),
    ).rejects.toThrow(/drafts_planned_local_check/);
    await expect(
      pg.exec("update drafts set status = 'label' where right(id::text, 1) = 'a'"),
    ).rejects.toThrow(/drafts_status_check/);
  });
});
