/**
 * Loads a workspace's posts (only the columns analyses read) and runs core's analyses on them.
 * Nothing derived is stored: everything here is recomputed from the posts on each request.
 */
import {
  and,
  asc,
  eq,
  followerSnapshots,
  imports,
  inArray,
  posts,
  socialProfiles,
  sql,
  type Database,
} from "@rapport/db";
import {
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
export async function loadPosts(db: Database, workspaceId: string, f: PostFilters): Promise<LoadedPost[]> {
  const where = [sql`p.workspace_id = ${workspaceId}`];
  if (f.profileId) where.push(sql`p.profile_id = ${f.profileId}`);
  if (f.platform) where.push(sql`s.platform = ${f.platform}`);
  if (f.from) where.push(sql`p.published_at >= ${`${f.from}T00:00:00Z`}::timestamptz`);
  if (f.to) where.push(sql`p.published_at < (${`${f.to}T00:00:00Z`}::timestamptz + interval '1 day')`);
  if (f.from || f.to) where.push(sql`p.published_at is not null`);
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(
      p.id, p.profile_id, p.external_id, s.platform, (extract(epoch from p.published_at) * 1000)::float8,
      p.slot_weekday, p.slot_hour, p.slot_month, p.content_type, p.content_type_source, p.format, p.has_link, p.paid,
      p.followers, p.reach, p.impressions, p.views, p.likes, p.comments, p.shares, p.saves, p.clicks, p.extra->>'type'
    ) order by p.published_at asc nulls first, p.external_id asc), '[]')::text as posts
    from posts p join social_profiles s on s.id = p.profile_id
    where ${sql.join(where, sql` and `)}`);
  type Row = [
    id: string, profileId: string, externalId: string, platform: Platform, publishedMs: number | null,
    slotWeekday: number | null, slotHour: number | null, slotMonth: number | null, contentType: string | null,
    contentTypeSource: string | null, format: string | null, hasLink: boolean | null, paid: boolean | null,
    followers: number | null, reach: number | null, impressions: number | null, views: number | null, likes: number | null,
    comments: number | null, shares: number | null, saves: number | null, clicks: number | null, sourceType: string | null,
  ];
  const text = (result as { rows: { posts: string }[] }).rows[0]?.posts ?? "[]";
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
    caption: null,
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

/** Captions of the few posts a page shows, by id, within the workspace. */
export async function captionsFor(db: Database, workspaceId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: posts.id, caption: posts.caption })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), inArray(posts.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.caption]));
}

/** Every section of the insights page, computed by core from the loaded posts. */
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
  const sources = await db
    .selectDistinct({ kind: imports.kind, fileName: imports.fileName })
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.status, "done")));

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
    usesUciData: sources.some((s) => s.kind === "uci-csv"),
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
