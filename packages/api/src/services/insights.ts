/**
 * Loads a workspace's posts (only the columns analyses read) and runs core's analyses on them. The
 * result is kept as a snapshot tagged with the workspace's data version; a request is served from
 * the snapshot while the version still matches (database triggers bump it whenever posts, follower
 * counts or profiles change), and recomputed otherwise.
 */
import {
  and,
  asc,
  eq,
  followerSnapshots,
  imports,
  inArray,
  insightSnapshots,
  posts,
  socialProfiles,
  sql,
  workspaces,
  type Database,
  type SQL,
} from "@rapport/db";
import {
  DEFAULT_INTERACTION_WEIGHTS,
  audienceHealth,
  cadence,
  contentTypeLift,
  interactionMix,
  sourceTypeLift,
  timingHeatmap,
  topAndBottomPosts,
  type Platform,
  type Post,
} from "@rapport/core";
import { z } from "zod";

export const PostFiltersSchema = z.object({
  profileId: z.uuid({ error: "Unknown profile." }).optional(),
  platform: z.enum(["instagram", "facebook", "tiktok", "x", "linkedin"]).optional(),
  /** YYYY-MM-DD, inclusive; posts without a full date are left out when a range is set. */
  from: z.iso.date({ error: "Use a date like 2026-03-31." }).optional(),
  to: z.iso.date({ error: "Use a date like 2026-03-31." }).optional(),
});
export const InsightsInputSchema = PostFiltersSchema.extend({
  /** What rates are measured over: people reached (default) or followers at posting time. */
  denominator: z.enum(["reach", "followers"]).default("reach"),
});
export type InsightsInput = z.infer<typeof InsightsInputSchema>;
export type PostFilters = z.infer<typeof PostFiltersSchema>;

export interface LoadedPost extends Post {
  profileId: string;
  externalId: string;
  contentTypeSource: string | null;
}

/**
 * The posts an analysis reads: only the columns needed (no caption: 100,000 captions cost seconds to
 * move; `captionsFor` fetches the few that are shown), aggregated by the database into ONE JSON
 * array of arrays. Both drivers parse a result row by row in JavaScript, which costs ~15 us a row
 * on PGlite; one JSON text parsed by JSON.parse costs a tenth of that.
 */
/** likes + comments + shares + saves over the counts present, each times its weight; null when none is (core's rule). */
function interactionsSql(w: { like: number; comment: number; share: number; save: number }): SQL {
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

export async function loadPosts(db: Database, workspaceId: string, f: PostQuery): Promise<LoadedPost[]> {
  const timeOrder = sql`p.published_at asc nulls first, p.external_id asc`;
  let result: unknown;
  if (f.page) {
    const order = sql`${POST_COLUMNS_SORTABLE[f.page.sort]} ${f.page.dir === "asc" ? sql`asc` : sql`desc`} nulls last, ${timeOrder}`;
    result = await db.execute(sql`
      select coalesce(json_agg(${row(sql`q`, f.withCaptions)} order by q.ord), '[]')::text as posts
      from (
        select p.*, s.platform, row_number() over (order by ${order}) as ord
        from posts p join social_profiles s on s.id = p.profile_id
        where ${postWhere(workspaceId, f)}
        order by ${order} limit ${f.page.limit} offset ${f.page.offset}
      ) q`);
  } else {
    result = await db.execute(sql`
      select coalesce(json_agg(${row(sql`p`, f.withCaptions)} order by ${timeOrder}), '[]')::text as posts
      from (select p.*, s.platform from posts p join social_profiles s on s.id = p.profile_id where ${postWhere(workspaceId, f)}) p`);
  }
  return parsePosts((result as { rows: { posts: string }[] }).rows[0]?.posts ?? "[]");
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

/** Every section of the insights page, computed by core from the loaded posts (no cache). */
export async function computeInsights(db: Database, workspaceId: string, f: InsightsInput) {
  const denominator = f.denominator;
  const [profiles, history] = await Promise.all([
    db
      .select({ id: socialProfiles.id, platform: socialProfiles.platform, timeZone: socialProfiles.timeZone, handle: socialProfiles.handle })
      .from(socialProfiles)
      .where(eq(socialProfiles.workspaceId, workspaceId))
      .orderBy(asc(socialProfiles.handle)),
    loadPosts(db, workspaceId, f),
  ]);
  // Timing, health and cadence read one profile's clock and audience: the chosen one, else the one with most posts.
  const counts = new Map<string, number>();
  for (const p of history) counts.set(p.profileId, (counts.get(p.profileId) ?? 0) + 1);
  const focus =
    profiles.find((p) => p.id === f.profileId) ??
    [...profiles].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0] ??
    null;
  const focusPosts = focus ? history.filter((p) => p.profileId === focus.id) : [];
  const snapshots = focus
    ? await db
        .select({ date: followerSnapshots.date, followers: followerSnapshots.followers })
        .from(followerSnapshots)
        .where(and(eq(followerSnapshots.workspaceId, workspaceId), eq(followerSnapshots.profileId, focus.id)))
        .orderBy(asc(followerSnapshots.date))
    : [];
  const lift = contentTypeLift(history, { denominator });
  const bySourceType = sourceTypeLift(history, { denominator });
  const tb = topAndBottomPosts(history, { limit: 5, denominator });
  const captions = await captionsFor(db, workspaceId, [...tb.top, ...tb.bottom].map((r) => r.post.id));
  const slim = (p: Post) => ({ id: p.id, caption: captions.get(p.id) ?? null, publishedAt: p.publishedAt ?? null, slot: p.slot ?? null, contentType: p.contentType ?? null, format: p.format ?? null, sourceType: p.extra?.type ?? null });
  return {
    n: history.length,
    denominator,
    datedPosts: history.filter((p) => p.publishedAt).length,
    focusProfile: focus,
    profiles,
    lift: {
      baseline: lift.baseline,
      byContentType: lift.byContentType,
      byFormat: lift.byFormat,
      bySourceType,
    },
    heatmap: focus ? timingHeatmap(focusPosts, { timeZone: focus.timeZone, denominator }) : null,
    mix: interactionMix(history, { denominator }),
    topBottom: {
      ...tb,
      top: tb.top.map((r) => ({ ...r, post: slim(r.post) })),
      bottom: tb.bottom.map((r) => ({ ...r, post: slim(r.post) })),
    },
    health: focus ? audienceHealth(focusPosts, { platform: focus.platform as Platform, snapshots }) : null,
    cadence: focus ? cadence(focusPosts, { timeZone: focus.timeZone, denominator }) : null,
  };
}

export type Analyses = Awaited<ReturnType<typeof computeInsights>>;

/** Snapshots kept per workspace (the most recently computed). */
export const MAX_SNAPSHOTS = 20;

/** Bump when the shape of `computeInsights`' result changes, so older snapshots are never served. */
const SNAPSHOT_FORMAT = 1;

/** The snapshot key: result format and the request's filters, in a fixed order. */
export function snapshotKey(input: InsightsInput): string {
  return JSON.stringify([SNAPSHOT_FORMAT, input.profileId ?? null, input.platform ?? null, input.from ?? null, input.to ?? null, input.denominator]);
}

/**
 * Computes the analyses and keeps them as the snapshot for this request. The data version is read
 * BEFORE the posts: if they change while this runs, the snapshot carries the older version and is
 * never served. Returns the result as it will be served from the snapshot (through JSON).
 */
export async function refreshInsights(db: Database, workspaceId: string, input: InsightsInput): Promise<Analyses> {
  const [ws] = await db.select({ dataVersion: workspaces.dataVersion }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!ws) throw new Error("Unknown workspace.");
  const started = performance.now();
  const json = JSON.stringify(await computeInsights(db, workspaceId, input));
  const computeMs = Math.round(performance.now() - started);
  const key = snapshotKey(input);
  await db.transaction(async (tx) => {
    // Snapshots of older data are never served again: drop them as a newer one arrives.
    await tx.delete(insightSnapshots).where(and(eq(insightSnapshots.workspaceId, workspaceId), sql`${insightSnapshots.dataVersion} < ${ws.dataVersion}`));
    await tx
      .insert(insightSnapshots)
      .values({ workspaceId, key, dataVersion: ws.dataVersion, result: json, computeMs })
      .onConflictDoUpdate({
        target: [insightSnapshots.workspaceId, insightSnapshots.key],
        set: { dataVersion: ws.dataVersion, result: json, computeMs, computedAt: new Date() },
        setWhere: sql`${insightSnapshots.dataVersion} <= ${ws.dataVersion}`,
      });
    // Every date range someone tries is a snapshot of its own: keep the most recent few.
    await tx.execute(sql`
      delete from insight_snapshots where workspace_id = ${workspaceId} and key not in (
        select key from insight_snapshots where workspace_id = ${workspaceId} order by computed_at desc, key limit ${MAX_SNAPSHOTS})`);
  });
  return JSON.parse(json) as Analyses;
}

/** The insights page: from the snapshot when it matches the workspace's data, else computed now. */
export async function getInsights(db: Database, workspaceId: string, input: InsightsInput) {
  const [hit] = await db
    .select({ result: insightSnapshots.result })
    .from(insightSnapshots)
    .innerJoin(workspaces, and(eq(workspaces.id, insightSnapshots.workspaceId), eq(workspaces.dataVersion, insightSnapshots.dataVersion)))
    .where(and(eq(insightSnapshots.workspaceId, workspaceId), eq(insightSnapshots.key, snapshotKey(input))));
  const analyses = hit ? (JSON.parse(hit.result) as Analyses) : await refreshInsights(db, workspaceId, input);
  // Which files the numbers came from (for the UCI attribution): small, and always current.
  const sources = await db
    .selectDistinct({ kind: imports.kind })
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.status, "done")));
  return { ...analyses, usesUciData: sources.some((s) => s.kind === "uci-csv"), fromSnapshot: Boolean(hit) };
}

/**
 * Computes the default view (all profiles, per reach) ahead of the first visit, e.g. after an
 * import commits. Failures are logged, never thrown: the page computes on demand anyway.
 */
export async function warmInsights(db: Database, workspaceId: string): Promise<void> {
  try {
    await refreshInsights(db, workspaceId, InsightsInputSchema.parse({}));
  } catch (e) {
    console.error("Precomputing insights failed:", e);
  }
}
