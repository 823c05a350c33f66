/**
 * The staged rows of a post import (`import_staged_posts`): the dry run appends the good rows of the
 * file once; the preview counts and the commit both compare them with `posts` in SQL, with the one
 * `postChanged` rule, so the file is parsed once and the preview cannot disagree with the commit.
 */
import { IMPORTED_POST_COLUMN_NAMES, copyRows, eq, importStagedPosts, sql, type Database } from "@rapport/db";
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

// Whitespace-folded caption, so a caption re-typed by another export's line endings still matches.
const foldedCaption = (alias: string) => `regexp_replace(btrim(coalesce(${alias}.caption, '')), '\\s+', ' ', 'g')`;

/** Columns a matched row takes from the stored post when its own file lacks them (the key and content type excepted). */
const MERGED = IMPORTED_POST_COLUMN_NAMES.filter((c) => !["external_id", "content_type", "content_type_source"].includes(c));

/**
 * The same post from another source: a staged row whose id is new to the profile, but whose publish
 * minute and (non-empty) caption equal exactly one stored post's, takes that post's id, so it updates
 * the post instead of doubling it (Instagram's JSON has no post id; Meta's CSV has one and the
 * metrics). Only one-to-one matches count: two candidates either way and the row stays new.
 * Then, for every staged row of a stored post, what its file lacks keeps the stored value: a file
 * without counts (the JSON) never erases the counts another file brought. Returns how many matched.
 */
export async function matchStagedPosts(db: Executor, importId: string, profileId: string): Promise<number> {
  const result = await db.execute(sql`
    with candidates as (
      select s."row", p.id as post_id, p.external_id,
        count(*) over (partition by s."row") as per_row,
        count(*) over (partition by p.id) as per_post
      from import_staged_posts s
      join posts p on p.profile_id = ${profileId}::uuid
        and s.published_at is not null and p.published_at is not null
        and date_trunc('minute', p.published_at) = date_trunc('minute', s.published_at)
        and ${sql.raw(foldedCaption("s"))} <> ''
        and ${sql.raw(foldedCaption("s"))} = ${sql.raw(foldedCaption("p"))}
      where s.import_id = ${importId}::uuid
        and not exists (select 1 from posts q where q.profile_id = ${profileId}::uuid and q.external_id = s.external_id)
        and not exists (select 1 from import_staged_posts t where t.import_id = ${importId}::uuid and t.external_id = p.external_id)
    )
    update import_staged_posts s
    set external_id = c.external_id, ${sql.raw(MERGED.map((col) => `${col} = coalesce(s.${col}, p.${col})`).join(", "))}
    from candidates c join posts p on p.id = c.post_id
    where s.import_id = ${importId}::uuid and s."row" = c."row" and c.per_row = 1 and c.per_post = 1
    returning s."row"`);
  await db.execute(sql`
    update import_staged_posts s
    set ${sql.raw(MERGED.map((col) => `${col} = coalesce(s.${col}, p.${col})`).join(", "))}
    from posts p
    where s.import_id = ${importId}::uuid and p.profile_id = ${profileId}::uuid and p.external_id = s.external_id
      and (${sql.raw(MERGED.map((col) => `(s.${col} is null and p.${col} is not null)`).join(" or "))})`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
