/**
 * Reading posts for analyses and pages: the filters, one JSON aggregate per load (in time order, or
 * one page sorted by a column or one of core's rates), counts, and the earlier posts a performance
 * index compares each post with. Every query is scoped to the workspace.
 */
import { and, eq, inArray, posts, sql, type Database, type SQL } from "@rapport/db";
import { DEFAULT_INTERACTION_WEIGHTS, type Platform, type Post } from "@rapport/core";
import { z } from "zod";

export const PostFiltersSchema = z.object({
  profileId: z.uuid({ error: "Unknown profile." }).optional(),
  platform: z.enum(["instagram", "facebook", "tiktok", "x", "linkedin"]).optional(),
  /** YYYY-MM-DD, inclusive; posts without a full date are left out when a range is set. */
  from: z.iso.date({ error: "Use a date like 2026-03-31." }).optional(),
  to: z.iso.date({ error: "Use a date like 2026-03-31." }).optional(),
});
export type PostFilters = z.infer<typeof PostFiltersSchema>;

export interface LoadedPost extends Post {
  profileId: string;
  externalId: string;
  contentTypeSource: string | null;
}

/** likes + comments + shares + saves over the counts present, each times its weight; null when none is (core's rule). */
export function interactionsSql(w: { like: number; comment: number; share: number; save: number }): SQL {
  return sql.raw(`(case when p.likes is null and p.comments is null and p.shares is null and p.saves is null then null
    else coalesce(p.likes, 0) * ${w.like} + coalesce(p.comments, 0) * ${w.comment} + coalesce(p.shares, 0) * ${w.share} + coalesce(p.saves, 0) * ${w.save} end)::float8`);
}
const positive = (column: string) => `nullif(greatest(p.${column}, 0), 0)`;

/**
 * What a page of posts can be ordered by in the database. The rates are core's (engagementRate,
 * interactionQuality with its default weights and denominator order) written in SQL, so the
 * database can sort 100,000 posts and return one page; a test checks the order against core's values.
 */
export const POST_COLUMNS_SORTABLE = {
  publishedAt: sql`p.published_at`,
  reach: sql`p.reach`,
  comments: sql`p.comments`,
  shares: sql`p.shares`,
  likes: sql`p.likes`,
  ratePerReach: sql`${interactionsSql({ like: 1, comment: 1, share: 1, save: 1 })} / ${sql.raw(positive("reach"))}`,
  ratePerFollower: sql`${interactionsSql({ like: 1, comment: 1, share: 1, save: 1 })} / ${sql.raw(positive("followers"))}`,
  quality: sql`${interactionsSql(DEFAULT_INTERACTION_WEIGHTS)} / ${sql.raw(`coalesce(${["reach", "followers", "impressions", "views"].map(positive).join(", ")})`)}`,
};

export interface PostQuery extends PostFilters {
  /** "none" for posts without a content type. */
  contentType?: string | undefined;
  /** Captions too (they are the bulk of a post's bytes: only for exports and pages). */
  withCaptions?: boolean | undefined;
  /** Posts per query when loading every matching post (tests make it small). */
  chunk?: number | undefined;
  /** One page in the database's order: missing values last, ties in time order. */
  page?: { sort: keyof typeof POST_COLUMNS_SORTABLE; dir: "asc" | "desc"; limit: number; offset: number } | undefined;
}

function postWhere(workspaceId: string, f: PostQuery): SQL {
  const where = [sql`p.workspace_id = ${workspaceId}`];
  if (f.profileId) where.push(sql`p.profile_id = ${f.profileId}`);
  if (f.platform) where.push(sql`s.platform = ${f.platform}`);
  if (f.from) where.push(sql`p.published_at >= ${`${f.from}T00:00:00Z`}::timestamptz`);
  if (f.to) where.push(sql`p.published_at < (${`${f.to}T00:00:00Z`}::timestamptz + interval '1 day')`);
  if (f.from || f.to) where.push(sql`p.published_at is not null`);
  if (f.contentType === "none") where.push(sql`p.content_type is null`);
  else if (f.contentType) where.push(sql`p.content_type = ${f.contentType}`);
  return sql.join(where, sql` and `);
}

/** How many posts match, counted in the database. */
export async function countPosts(db: Database, workspaceId: string, f: PostQuery): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from posts p join social_profiles s on s.id = p.profile_id where ${postWhere(workspaceId, f)}`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

/** One post as a JSON array, in the order `parsePosts` reads; the caption last, only when asked for. */
const row = (p: SQL, withCaption = false) => sql`json_build_array(
      ${p}.id, ${p}.profile_id, ${p}.external_id, ${p}.platform, (extract(epoch from ${p}.published_at) * 1000)::float8,
      ${p}.slot_weekday, ${p}.slot_hour, ${p}.slot_month, ${p}.content_type, ${p}.content_type_source, ${p}.format, ${p}.has_link,
      ${p}.paid, ${p}.followers, ${p}.reach, ${p}.impressions, ${p}.views, ${p}.likes, ${p}.comments, ${p}.shares, ${p}.saves,
      ${p}.clicks, ${p}.extra->>'type'${withCaption ? sql`, ${p}.caption` : sql``})`;

/**
 * The posts an analysis or a page reads: only the columns needed (captions only when asked for:
 * 100,000 captions cost seconds to move), aggregated by the database into ONE JSON array of arrays,
 * in time order or as one sorted page. Both drivers parse a result row by row in JavaScript, which costs ~15 us a row
 * on PGlite; one JSON text parsed by JSON.parse costs a tenth of that.
 */
export async function loadPosts(db: Database, workspaceId: string, f: PostQuery): Promise<LoadedPost[]> {
  const timeOrder = sql`p.published_at asc nulls first, p.external_id asc`;
  let result: unknown;
  if (f.page) {
    const order = sql`${POST_COLUMNS_SORTABLE[f.page.sort]} ${f.page.dir === "asc" ? sql`asc` : sql`desc`} nulls last, ${timeOrder}`;
    // The page is picked by a top-N sort; the outer aggregate keeps its order (same expressions on the same alias).
    result = await db.execute(sql`
      select coalesce(json_agg(${row(sql`p`, f.withCaptions)} order by ${order}), '[]')::text as posts
      from (
        select p.*, s.platform from posts p join social_profiles s on s.id = p.profile_id
        where ${postWhere(workspaceId, f)}
        order by ${order} limit ${f.page.limit} offset ${f.page.offset}
      ) p`);
  } else {
    return loadAllInChunks(db, workspaceId, f);
  }
  return parsePosts((result as { rows: { posts: string }[] }).rows[0]?.posts ?? "[]");
}

/** Posts per query when loading a whole history: ~0.1 s of PGlite's (single) thread each. */
export const LOAD_CHUNK = 10_000;

/**
 * Every matching post in time order (published_at, undated first, then external_id), read in chunks
 * by keyset on that order (id breaks ties) with a turn of the event loop between chunks: on PGlite
 * every query runs on the server's only thread, and one 100,000-post aggregate held it for ~1 s,
 * during which no other request was answered.
 */
async function loadAllInChunks(db: Database, workspaceId: string, f: PostQuery): Promise<LoadedPost[]> {
  const size = f.chunk ?? LOAD_CHUNK;
  const key = sql`coalesce(p.published_at, '-infinity'::timestamptz), p.external_id, p.id`;
  const out: LoadedPost[] = [];
  let after: { at: string; externalId: string; id: string } | null = null;
  for (;;) {
    const keyset: SQL = after ? sql` and (${key}) > (${after.at}::timestamptz, ${after.externalId}, ${after.id}::uuid)` : sql``;
    const result = await db.execute(sql`
      with c as (
        select p.*, s.platform, coalesce(p.published_at, '-infinity'::timestamptz) as k
        from posts p join social_profiles s on s.id = p.profile_id
        where ${postWhere(workspaceId, f)}${keyset}
        order by ${key} limit ${size}
      )
      select coalesce(json_agg(${row(sql`c`, f.withCaptions)} order by c.k, c.external_id, c.id), '[]')::text as posts,
        (select json_build_array(l.k::text, l.external_id, l.id) from c l order by l.k desc, l.external_id desc, l.id desc limit 1)::text as last
      from c`);
    const r = (result as { rows: { posts: string; last: string | null }[] }).rows[0];
    const chunk = parsePosts(r?.posts ?? "[]");
    for (const p of chunk) out.push(p);
    if (chunk.length < size || !r?.last) return out;
    const [at, externalId, id] = JSON.parse(r.last) as [string, string, string];
    after = { at, externalId, id };
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function parsePosts(text: string): LoadedPost[] {
  type Row = [
    id: string, profileId: string, externalId: string, platform: Platform, publishedMs: number | null,
    slotWeekday: number | null, slotHour: number | null, slotMonth: number | null, contentType: string | null,
    contentTypeSource: string | null, format: string | null, hasLink: boolean | null, paid: boolean | null,
    followers: number | null, reach: number | null, impressions: number | null, views: number | null, likes: number | null,
    comments: number | null, shares: number | null, saves: number | null, clicks: number | null, sourceType: string | null,
    caption?: string | null,
  ];
  return (JSON.parse(text) as Row[]).map((r) => ({
    id: r[0],
    profileId: r[1],
    externalId: r[2],
    platform: r[3],
    publishedAt: r[4] === null ? null : new Date(r[4]).toISOString(),
    slot: r[5] !== null && r[6] !== null ? { weekday: r[5], hour: r[6], month: r[7] } : null,
    contentType: r[8] as Post["contentType"],
    contentTypeSource: r[9],
    format: r[10] as Post["format"],
    caption: r[23] ?? null,
    hasLink: r[11],
    paid: r[12],
    followers: r[13],
    reach: r[14],
    impressions: r[15],
    views: r[16],
    likes: r[17],
    comments: r[18],
    shares: r[19],
    saves: r[20],
    clicks: r[21],
    extra: r[22] ? { type: r[22] } : null,
  }));
}

/**
 * For each given post, the posts its performance index compares it with: for a dated post, the
 * last `window` posts of its profile published strictly before it (in time order); for an undated
 * one, the whole profile (as `performanceIndex` reads a history). Filters do not apply: "your
 * typical post" is the profile's, whatever the page shows.
 */
export async function earlierPosts(db: Database, workspaceId: string, of: readonly LoadedPost[], window: number): Promise<Map<string, LoadedPost[]>> {
  const out = new Map<string, LoadedPost[]>();
  const dated = of.filter((p) => p.publishedAt);
  if (dated.length) {
    const result = await db.execute(sql`
      select r.for_id, coalesce(json_agg(${row(sql`e`)} order by e.published_at asc, e.external_id asc), '[]')::text as posts
      from unnest(${sql.param(dated.map((p) => p.id))}::uuid[], ${sql.param(dated.map((p) => p.profileId))}::uuid[],
        ${sql.param(dated.map((p) => p.publishedAt))}::timestamptz[]) as r(for_id, profile_id, t)
      cross join lateral (
        select p.*, s.platform from posts p join social_profiles s on s.id = p.profile_id
        where p.workspace_id = ${workspaceId} and p.profile_id = r.profile_id and p.published_at < r.t
        order by p.published_at desc, p.external_id desc limit ${window}
      ) e
      group by r.for_id`);
    for (const r of (result as { rows: { for_id: string; posts: string }[] }).rows) out.set(r.for_id, parsePosts(r.posts));
    for (const p of dated) if (!out.has(p.id)) out.set(p.id, []);
  }
  const undatedProfiles = new Set(of.filter((p) => !p.publishedAt).map((p) => p.profileId));
  for (const profileId of undatedProfiles) {
    const all = await loadPosts(db, workspaceId, { profileId });
    for (const p of of) if (!p.publishedAt && p.profileId === profileId) out.set(p.id, all);
  }
  return out;
}

/**
 * `earlierPosts` for posts already in memory (an export: every post, in time order): for a dated
 * post, the last `window` posts of its profile published strictly before it (loadPosts returns posts in
 * time order, so that is a binary search and a slice); for an undated one, the whole profile.
 */
export function earlierPostsInMemory(all: readonly LoadedPost[], window: number): (post: LoadedPost) => LoadedPost[] {
  const byProfile = new Map<string, { all: LoadedPost[]; dated: LoadedPost[]; times: number[] }>();
  for (const p of all) {
    let entry = byProfile.get(p.profileId);
    if (!entry) {
      entry = { all: [], dated: [], times: [] };
      byProfile.set(p.profileId, entry);
    }
    entry.all.push(p);
    if (p.publishedAt) {
      entry.dated.push(p);
      entry.times.push(Date.parse(p.publishedAt));
    }
  }
  return (post) => {
    const entry = byProfile.get(post.profileId);
    if (!entry) return [];
    if (!post.publishedAt) return entry.all;
    const t = Date.parse(post.publishedAt);
    let lo = 0;
    let hi = entry.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((entry.times[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return entry.dated.slice(Math.max(0, lo - window), lo);
  };
}

/** Captions of the few posts a page shows, by id, within the workspace. */
export async function captionsFor(db: Database, workspaceId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: posts.id, caption: posts.caption })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), inArray(posts.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.caption]));
}
