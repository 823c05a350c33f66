/**
 * Batched writes for imports: one INSERT ... SELECT FROM unnest(...) ON CONFLICT per batch (a few
 * parameters per batch instead of one statement per row). Rows that would not change are not
 * touched, so importing the same file twice changes nothing.
 */
import { IMPORTED_POST_COLUMN_NAMES, sql, type Database, type SQL } from "@rapport/db";
import type { FollowerSnapshot } from "@rapport/core";
import type { PostRowValues } from "./post-rows";

type Executor = Pick<Database, "execute">;

/** Both drivers return { rows }; `xmax = 0` marks a row that was inserted rather than updated. */
function countInserted(result: unknown): { inserted: number; updated: number } {
  const rows = (result as { rows: { inserted: boolean }[] }).rows;
  let inserted = 0;
  for (const r of rows) if (r.inserted) inserted++;
  return { inserted, updated: rows.length - inserted };
}

const col = <K extends keyof PostRowValues>(rows: readonly PostRowValues[], k: K) => sql.param(rows.map((r) => r[k]));

/** The columns an import writes (in PostRowValues' order), optionally qualified by a table alias. */
export function importedPostColumns(alias?: string): SQL {
  return sql.raw(IMPORTED_POST_COLUMN_NAMES.map((c) => (alias ? `${alias}.${c}` : c)).join(", "));
}

/** Every imported column but the key and the content type (which has its own rule: a person's choice stays). */
const COMPARED = IMPORTED_POST_COLUMN_NAMES.filter((c) => !["external_id", "content_type", "content_type_source"].includes(c));

/**
 * Whether an incoming row would change a stored post: the ONE rule the upsert's WHERE and the dry
 * run's counts share, so a preview and its commit cannot disagree. A content type a person confirmed
 * is kept, so a different type in the file does not count as a change. `stored` and `incoming` are
 * the aliases of the stored row and of the incoming row.
 */
export function postChanged(stored: string, incoming: string): SQL {
  const s = (c: string) => `${stored}.${c}`;
  const i = (c: string) => `${incoming}.${c}`;
  return sql.raw(`((${COMPARED.map(s).join(", ")}) is distinct from (${COMPARED.map(i).join(", ")})
    or (${s("content_type_source")} is distinct from 'confirmed'
      and (${s("content_type")}, ${s("content_type_source")}) is distinct from (${i("content_type")}, ${i("content_type_source")})))`);
}

/** ON CONFLICT for an INSERT INTO posts: updates a post only when `postChanged` says the row changes it. */
export const UPSERT_POST_ON_CONFLICT = sql`
    on conflict (profile_id, external_id) do update set
      ${sql.raw(COMPARED.map((c) => `${c} = excluded.${c}`).join(", "))},
      content_type = case when posts.content_type_source = 'confirmed' then posts.content_type else excluded.content_type end,
      content_type_source = case when posts.content_type_source = 'confirmed' then posts.content_type_source else excluded.content_type_source end,
      import_id = excluded.import_id, updated_at = now()
    where ${postChanged("posts", "excluded")}`;

/** Upserts posts by (profile, external id); returns how many were inserted and how many updated. */
export async function upsertPosts(
  db: Executor,
  scope: { workspaceId: string; profileId: string; importId: string | null },
  rows: readonly PostRowValues[],
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const result = await db.execute(sql`
    insert into posts (workspace_id, profile_id, import_id, ${importedPostColumns()})
    select ${scope.workspaceId}::uuid, ${scope.profileId}::uuid, ${scope.importId}::uuid, t.*
    from unnest(${col(rows, "externalId")}::text[], ${col(rows, "publishedAt")}::timestamptz[], ${col(rows, "slotWeekday")}::int[],
      ${col(rows, "slotHour")}::int[], ${col(rows, "slotMonth")}::int[], ${col(rows, "contentType")}::text[],
      ${col(rows, "contentTypeSource")}::text[], ${col(rows, "format")}::text[], ${col(rows, "caption")}::text[],
      ${col(rows, "mediaCount")}::int[], ${col(rows, "hasLink")}::boolean[], ${col(rows, "paid")}::boolean[],
      ${col(rows, "followers")}::int[], ${col(rows, "reach")}::int[], ${col(rows, "impressions")}::int[], ${col(rows, "views")}::int[],
      ${col(rows, "likes")}::int[], ${col(rows, "comments")}::int[], ${col(rows, "shares")}::int[], ${col(rows, "saves")}::int[],
      ${col(rows, "clicks")}::int[], ${sql.param(rows.map((r) => (r.extra ? JSON.stringify(r.extra) : null)))}::jsonb[])
      as t(${importedPostColumns()})
    ${UPSERT_POST_ON_CONFLICT}
    returning (xmax = 0) as inserted`);
  return countInserted(result);
}

export async function upsertFollowerSnapshots(
  db: Executor,
  scope: { workspaceId: string; profileId: string },
  rows: readonly FollowerSnapshot[],
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const result = await db.execute(sql`
    insert into follower_snapshots (workspace_id, profile_id, date, followers)
    select ${scope.workspaceId}::uuid, ${scope.profileId}::uuid, t.date, t.followers
    from unnest(${sql.param(rows.map((r) => r.date))}::date[], ${sql.param(rows.map((r) => Math.round(r.followers)))}::int[]) as t(date, followers)
    on conflict (profile_id, date) do update set followers = excluded.followers
    where follower_snapshots.followers is distinct from excluded.followers
    returning (xmax = 0) as inserted`);
  return countInserted(result);
}
