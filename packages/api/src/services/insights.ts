/**
 * Loads a workspace's posts (only the columns analyses read) and runs core's analyses on them. The
 * result is kept as a snapshot tagged with the workspace's data version; a request is served from
 * the snapshot while the version still matches (database triggers bump it whenever posts, follower
 * counts or profiles change), and recomputed otherwise; a recompute that takes longer than a request
 * should wait serves the previous snapshot, marked as updating, meanwhile.
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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  // Each analysis of 100,000 posts holds the thread for 0.1-0.2 s: give other requests a turn between them.
  const lift = contentTypeLift(history, { denominator });
  await nextTurn();
  const bySourceType = sourceTypeLift(history, { denominator });
  await nextTurn();
  const tb = topAndBottomPosts(history, { limit: 5, denominator });
  await nextTurn();
  const heatmap = focus ? timingHeatmap(focusPosts, { timeZone: focus.timeZone, denominator }) : null;
  await nextTurn();
  const mix = interactionMix(history, { denominator });
  await nextTurn();
  const health = focus ? audienceHealth(focusPosts, { platform: focus.platform as Platform, snapshots }) : null;
  await nextTurn();
  const cadenceResult = focus ? cadence(focusPosts, { timeZone: focus.timeZone, denominator }) : null;
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
    heatmap,
    mix,
    topBottom: {
      ...tb,
      top: tb.top.map((r) => ({ ...r, post: slim(r.post) })),
      bottom: tb.bottom.map((r) => ({ ...r, post: slim(r.post) })),
    },
    health,
    cadence: cadenceResult,
  };
}

export type Analyses = Awaited<ReturnType<typeof computeInsights>>;

/** Snapshots kept per workspace (the most recently computed). */
export const MAX_SNAPSHOTS = 20;

/** Bump when the shape of `computeInsights`' result changes, so older snapshots are never served. */
const SNAPSHOT_FORMAT = 3;

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
  return (await refreshSnapshot(db, workspaceId, input)).analyses;
}

async function refreshSnapshot(db: Database, workspaceId: string, input: InsightsInput): Promise<{ analyses: Analyses; computedAt: Date }> {
  const [ws] = await db.select({ dataVersion: workspaces.dataVersion }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!ws) throw new Error("Unknown workspace.");
  const started = performance.now();
  const json = JSON.stringify(await computeInsights(db, workspaceId, input));
  const computeMs = Math.round(performance.now() - started);
  const computedAt = new Date();
  const key = snapshotKey(input);
  await db.transaction(async (tx) => {
    // Snapshots of older data stay (capped below): a request for them is served the older numbers,
    // marked as updating, while they are recomputed.
    await tx
      .insert(insightSnapshots)
      .values({ workspaceId, key, dataVersion: ws.dataVersion, result: json, computeMs, computedAt })
      .onConflictDoUpdate({
        target: [insightSnapshots.workspaceId, insightSnapshots.key],
        set: { dataVersion: ws.dataVersion, result: json, computeMs, computedAt },
        setWhere: sql`${insightSnapshots.dataVersion} <= ${ws.dataVersion}`,
      });
    // Every date range someone tries is a snapshot of its own: keep the most recent few.
    await tx.execute(sql`
      delete from insight_snapshots where workspace_id = ${workspaceId} and key not in (
        select key from insight_snapshots where workspace_id = ${workspaceId} order by computed_at desc, key limit ${MAX_SNAPSHOTS})`);
  });
  return { analyses: JSON.parse(json) as Analyses, computedAt };
}

/**
 * How long a request waits for fresh numbers when its snapshot is out of date before it is served the
 * previous snapshot, marked as updating (the refresh goes on in the background). Small accounts
 * recompute well within it, so a change shows at once; 100,000 posts take ~2 s and never hold a
 * request past this. Tests set it to 0 (always the previous snapshot) or Infinity (always wait).
 */
let freshWaitMs = 500;
/** Refreshes under way in this process, one per workspace and view: concurrent requests share it. */
const inFlight = new Map<string, Promise<{ analyses: Analyses; computedAt: Date }>>();

export function configureInsights(options: { freshWaitMs: number }): void {
  freshWaitMs = options.freshWaitMs;
}

/** Resolves when every background refresh started so far has finished (tests, shutdown). */
export async function whenInsightsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
}

function refreshOnce(db: Database, workspaceId: string, input: InsightsInput): Promise<{ analyses: Analyses; computedAt: Date }> {
  const id = `${workspaceId} ${snapshotKey(input)}`;
  let running = inFlight.get(id);
  if (!running) {
    running = refreshSnapshot(db, workspaceId, input).finally(() => inFlight.delete(id));
    // A refresh nobody waits for any more must not become an unhandled rejection.
    running.catch((e: unknown) => console.error("Refreshing insights failed:", e));
    inFlight.set(id, running);
  }
  return running;
}

function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | null> {
  if (ms === Number.POSITIVE_INFINITY) return promise.then((value) => ({ value }));
  // No wait at all (not even for a refresh that would settle within this tick).
  if (ms <= 0) return Promise.resolve(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise.then((value) => ({ value })), timeout]).finally(() => clearTimeout(timer));
}

/**
 * The insights page. From the snapshot when it matches the workspace's data; otherwise recomputed,
 * and if that takes longer than `freshWaitMs` while an older snapshot exists, the older one is served
 * with `updating: true` and the time it was computed, and the next request gets the fresh numbers.
 */
export async function getInsights(db: Database, workspaceId: string, input: InsightsInput) {
  const [row] = await db
    .select({ current: workspaces.dataVersion, snapshotVersion: insightSnapshots.dataVersion, result: insightSnapshots.result, computedAt: insightSnapshots.computedAt })
    .from(workspaces)
    .leftJoin(insightSnapshots, and(eq(insightSnapshots.workspaceId, workspaces.id), eq(insightSnapshots.key, snapshotKey(input))))
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw new Error("Unknown workspace.");
  let analyses: Analyses;
  let fromSnapshot = false;
  let updating = false;
  let computedAt = new Date();
  if (row.result !== null && row.snapshotVersion === row.current) {
    analyses = JSON.parse(row.result) as Analyses;
    fromSnapshot = true;
    computedAt = row.computedAt ?? computedAt;
  } else {
    const refresh = refreshOnce(db, workspaceId, input);
    const fresh = row.result === null ? { value: await refresh } : await within(refresh, freshWaitMs);
    if (fresh) {
      analyses = fresh.value.analyses;
      computedAt = fresh.value.computedAt;
    } else {
      analyses = JSON.parse(row.result!) as Analyses;
      fromSnapshot = true;
      updating = true;
      computedAt = row.computedAt ?? computedAt;
    }
  }
  // Which files the numbers came from (for the UCI attribution): small, and always current.
  const sources = await db
    .selectDistinct({ kind: imports.kind })
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.status, "done")));
  return { ...analyses, usesUciData: sources.some((s) => s.kind === "uci-csv"), fromSnapshot, updating, computedAt };
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
