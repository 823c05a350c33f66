/**
 * The data the draft scorer learns from (the profile's past posts as core `Post`s, and its
 * context with the profile's timing heatmap), the server's score on save, and the background
 * re-score of a profile's open drafts when its history changes: the same core functions the editor runs.
 */
import {
  CONTENT_TYPES,
  draftForScoring,
  FORMATS,
  MODEL_VERSION,
  scoreDraft,
  slotTiming,
  trainScorer,
  type ContentType,
  type DraftScore,
  type EditableDraft,
  type Format,
  type Platform,
  type Post,
  type ScorerContext,
  type ScorerModel,
} from "@rapport/core";
import { and, desc, draftMedia, drafts, eq, inArray, isNull, ne, or, posts, socialProfiles, sql, type Database } from "@rapport/db";

/** Enough history for a stable model, small enough to send to the browser with the editor. */
export const HISTORY_LIMIT = 1000;

type PostRow = typeof posts.$inferSelect;

const isContentType = (v: string | null): v is ContentType => v !== null && (CONTENT_TYPES as readonly string[]).includes(v);
const isFormat = (v: string | null): v is Format => v !== null && (FORMATS as readonly string[]).includes(v);

export function postFromRow(row: PostRow, platform: Platform): Post {
  return {
    id: row.id,
    platform,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    slot:
      row.slotWeekday !== null && row.slotHour !== null
        ? { weekday: row.slotWeekday, hour: row.slotHour, month: row.slotMonth }
        : null,
    contentType: isContentType(row.contentType) ? row.contentType : null,
    format: isFormat(row.format) ? row.format : null,
    caption: row.caption,
    mediaCount: row.mediaCount,
    hasLink: row.hasLink,
    paid: row.paid,
    followers: row.followers,
    reach: row.reach,
    impressions: row.impressions,
    views: row.views,
    likes: row.likes,
    comments: row.comments,
    shares: row.shares,
    saves: row.saves,
    clicks: row.clicks,
  };
}

export interface ScoringInput {
  history: Post[];
  context: ScorerContext & { platform: Platform; timeZone: string };
}

/** The profile's past posts (newest first, capped) and its context; null when the profile is not the workspace's. */
export async function loadScoringInput(db: Database, workspaceId: string, profileId: string): Promise<ScoringInput | null> {
  const [profile] = await db
    .select()
    .from(socialProfiles)
    .where(and(eq(socialProfiles.id, profileId), eq(socialProfiles.workspaceId, workspaceId)));
  if (!profile) return null;
  const rows = await db
    .select()
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.profileId, profileId)))
    .orderBy(desc(posts.publishedAt))
    .limit(HISTORY_LIMIT);
  const history = rows.map((r) => postFromRow(r, profile.platform));
  return {
    history,
    // The heatmap the insights page draws by default (per person reached) for these posts: the
    // editor's slot advice is its best slot.
    context: {
      platform: profile.platform,
      timeZone: profile.timeZone,
      followers: profile.followerCount,
      timing: slotTiming(history, { timeZone: profile.timeZone, denominator: "reach" }),
    },
  };
}

/** A draft's fields as the server stores them (the editor holds the same ones). */
export type DraftForScoring = EditableDraft;

export interface StoredScore {
  score: number | null;
  scoreBand: string;
  scoreDetails: DraftScore;
  modelVersion: string;
}

function stored(result: DraftScore): StoredScore {
  return { score: result.score?.value ?? null, scoreBand: result.band, scoreDetails: result, modelVersion: result.modelVersion };
}

export function scoreForStorage(d: DraftForScoring, input: ScoringInput): StoredScore {
  const model = trainScorer(input.history, input.context);
  return stored(scoreDraft(draftForScoring(d, input.context.platform), model));
}

/** Drafts in these states are done with: their score is history and is not recomputed. */
const CLOSED_STATUSES = ["published", "archived", "cancelled"] as const;

/**
 * Recomputes the stored scores of a profile's open drafts after its history changed (an import
 * committed, metrics arrived), with the current model version. Trains once for the profile. A draft
 * edited meanwhile keeps the score its own save computed (the write checks the version it read).
 */
export async function rescoreOpenDrafts(db: Database, workspaceId: string, profileId: string): Promise<{ rescored: number }> {
  const input = await loadScoringInput(db, workspaceId, profileId);
  if (!input) return { rescored: 0 };
  const open = await db
    .select({ id: drafts.id, version: drafts.version, contentType: drafts.contentType, format: drafts.format, caption: drafts.caption, plannedAt: drafts.plannedAt })
    .from(drafts)
    .where(and(eq(drafts.workspaceId, workspaceId), eq(drafts.profileId, profileId), ...CLOSED_STATUSES.map((s) => ne(sql`${drafts.status}`, s))));
  if (open.length === 0) return { rescored: 0 };
  const counts = await db
    .select({ draftId: draftMedia.draftId, n: sql<number>`count(*)::int` })
    .from(draftMedia)
    .where(inArray(draftMedia.draftId, open.map((d) => d.id)))
    .groupBy(draftMedia.draftId);
  const mediaOf = new Map(counts.map((c) => [c.draftId, c.n]));
  const model: ScorerModel = trainScorer(input.history, input.context);
  let rescored = 0;
  for (const d of open) {
    const result = scoreDraft(draftForScoring({ ...d, mediaCount: mediaOf.get(d.id) ?? 0 }, input.context.platform), model);
    const updated = await db
      .update(drafts)
      .set(stored(result))
      .where(and(eq(drafts.id, d.id), eq(drafts.workspaceId, workspaceId), eq(drafts.version, d.version)))
      .returning({ id: drafts.id });
    rescored += updated.length;
  }
  return { rescored };
}

/**
 * The profiles whose open drafts carry a score from another model version (or none): after an
 * upgrade their stored scores are recomputed once, so the drafts list never mixes two models.
 */
export async function profilesWithStaleScores(db: Database): Promise<{ workspaceId: string; profileId: string }[]> {
  return db
    .selectDistinct({ workspaceId: drafts.workspaceId, profileId: drafts.profileId })
    .from(drafts)
    .where(and(or(isNull(drafts.modelVersion), ne(drafts.modelVersion, MODEL_VERSION)), ...CLOSED_STATUSES.map((s) => ne(sql`${drafts.status}`, s))));
}

