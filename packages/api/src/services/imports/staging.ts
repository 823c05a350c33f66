/**
 * The staged rows of a post import (`import_staged_posts`): the dry run appends the good rows of the
 * file once; the preview counts and the commit both compare them with `posts` in SQL, with the one
 * `postChanged` rule, so the file is parsed once and the preview cannot disagree with the commit.
 */
import { copyRows, eq, importStagedPosts, sql, type Database } from "@rapport/db";
import { UPSERT_POST_ON_CONFLICT, importedPostColumns, postChanged } from "./bulk";
import type { PostRowValues } from "./post-rows";

type Executor = Pick<Database, "execute">;

export interface StagedPost extends PostRowValues {
  importId: string;
  /** The row's number in the file. */
  row: number;
}

/** Appends rows to their import's staging (COPY on PGlite); call it outside any transaction. */
export async function stagePosts(db: Database, rows: readonly StagedPost[]): Promise<void> {
  await copyRows(db, importStagedPosts, rows);
}

export async function clearStagedPosts(db: Executor, importId: string): Promise<void> {
  await db.execute(sql`delete from ${importStagedPosts} where ${eq(importStagedPosts.importId, importId)}`);
}

const num = (v: unknown) => Number(v ?? 0);

/** How many rows are staged, and the first and last row numbers (null when none). */
export async function stagedPostRange(db: Executor, importId: string): Promise<{ count: number; first: number | null; last: number | null }> {
  const result = await db.execute(sql`
    select count(*)::int as count, min("row") as first, max("row") as last from import_staged_posts where import_id = ${importId}::uuid`);
  const r = (result as unknown as { rows: { count: number; first: number | null; last: number | null }[] }).rows[0];
  return { count: num(r?.count), first: r?.first ?? null, last: r?.last ?? null };
}

/** The preview: staged rows that are new, that would change a stored post, and that would not. */
export async function compareStagedPosts(
  db: Executor,
  importId: string,
  profileId: string,
): Promise<{ newCount: number; updatedCount: number; unchangedCount: number }> {
  const result = await db.execute(sql`
    select count(*) filter (where p.id is null)::int as new_count,
      count(*) filter (where p.id is not null and ${postChanged("p", "s")})::int as updated_count,
      count(*) filter (where p.id is not null and not ${postChanged("p", "s")})::int as unchanged_count
    from import_staged_posts s
    left join posts p on p.profile_id = ${profileId}::uuid and p.external_id = s.external_id
    where s.import_id = ${importId}::uuid`);
  const r = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  return { newCount: num(r.new_count), updatedCount: num(r.updated_count), unchangedCount: num(r.unchanged_count) };
}

/**
 * Writes the staged rows numbered `fromRow`..`toRow` to `posts` with the same ON CONFLICT as every
 * other post write, and counts inserted and updated rows in the database (nothing comes back per row).
 */
export async function commitStagedPosts(
  db: Executor,
  scope: { workspaceId: string; profileId: string; importId: string },
  fromRow: number,
  toRow: number,
): Promise<{ inserted: number; updated: number }> {
  const result = await db.execute(sql`
    with written as (
      insert into posts (workspace_id, profile_id, import_id, ${importedPostColumns()})
      select ${scope.workspaceId}::uuid, ${scope.profileId}::uuid, s.import_id, ${importedPostColumns("s")}
      from import_staged_posts s
      where s.import_id = ${scope.importId}::uuid and s."row" between ${fromRow} and ${toRow}
      ${UPSERT_POST_ON_CONFLICT}
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from written`);
  const r = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  return { inserted: num(r.inserted), updated: num(r.updated) };
}
