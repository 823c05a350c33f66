/**
 * Loads a workspace's posts (only the columns analyses read) and runs core's analyses on them. The
 * result is kept as a snapshot tagged with the workspace's data version; a request is served from
 * the snapshot while the version still matches (database triggers bump it whenever posts, follower
 * counts or profiles change), and recomputed otherwise.
 */
import { and, asc, eq, followerSnapshots, imports, insightSnapshots, socialProfiles, sql, workspaces, type Database } from "@rapport/db";
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
import { captionsFor, loadPosts, PostFiltersSchema } from "./posts";

export const InsightsInputSchema = PostFiltersSchema.extend({
  /** What rates are measured over: people reached (default) or followers at posting time. */
  denominator: z.enum(["reach", "followers"]).default("reach"),
});
export type InsightsInput = z.infer<typeof InsightsInputSchema>;

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
