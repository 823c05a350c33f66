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
import { toCorePost } from "./imports/post-rows";

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

export async function loadPosts(db: Database, workspaceId: string, f: PostFilters): Promise<LoadedPost[]> {
  const where = [eq(posts.workspaceId, workspaceId)];
  if (f.profileId) where.push(eq(posts.profileId, f.profileId));
  if (f.platform) where.push(eq(socialProfiles.platform, f.platform));
  if (f.from) where.push(sql`${posts.publishedAt} >= ${new Date(`${f.from}T00:00:00Z`)}`);
  if (f.to) where.push(sql`${posts.publishedAt} < ${new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)}`);
  if (f.from || f.to) where.push(sql`${posts.publishedAt} is not null`);
  const rows = await db
    .select({
      id: posts.id,
      profileId: posts.profileId,
      externalId: posts.externalId,
      platform: socialProfiles.platform,
      publishedAt: posts.publishedAt,
      slotWeekday: posts.slotWeekday,
      slotHour: posts.slotHour,
      slotMonth: posts.slotMonth,
      contentType: posts.contentType,
      contentTypeSource: posts.contentTypeSource,
      format: posts.format,
      caption: posts.caption,
      hasLink: posts.hasLink,
      paid: posts.paid,
      followers: posts.followers,
      reach: posts.reach,
      impressions: posts.impressions,
      views: posts.views,
      likes: posts.likes,
      comments: posts.comments,
      shares: posts.shares,
      saves: posts.saves,
      clicks: posts.clicks,
      extra: posts.extra,
    })
    .from(posts)
    .innerJoin(socialProfiles, eq(posts.profileId, socialProfiles.id))
    .where(and(...where))
    .orderBy(asc(posts.publishedAt), asc(posts.externalId));
  return rows.map((r) => ({ ...toCorePost({ ...r, platform: r.platform as Platform }), profileId: r.profileId, externalId: r.externalId, contentTypeSource: r.contentTypeSource }));
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
  const slim = (p: Post) => ({ id: p.id, caption: p.caption ?? null, publishedAt: p.publishedAt ?? null, slot: p.slot ?? null, contentType: p.contentType ?? null, format: p.format ?? null, sourceType: p.extra?.type ?? null });
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
