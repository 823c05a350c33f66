/**
 * The data the draft scorer learns from (the profile's past posts as core `Post`s, and its
 * context), and the server's re-score on save: the same core functions the editor runs.
 */
import {
  CONTENT_TYPES,
  FORMATS,
  MODEL_VERSION,
  scoreDraft,
  trainScorer,
  type ContentType,
  type Draft,
  type DraftScore,
  type Format,
  type Platform,
  type Post,
  type ScorerContext,
} from "@rapport/core";
import { and, desc, eq, posts, socialProfiles, type Database } from "@rapport/db";

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
  return {
    history: rows.map((r) => postFromRow(r, profile.platform)),
    context: { platform: profile.platform, timeZone: profile.timeZone, followers: profile.followerCount },
  };
}

export interface DraftForScoring {
  contentType: string | null;
  format: string | null;
  caption: string;
  plannedAt: Date | string | null;
  mediaCount: number;
}

/** The core draft the scorer reads; custom content types are unknown to the model and left out. */
export function coreDraft(d: DraftForScoring, platform: Platform): Draft {
  return {
    platform,
    contentType: isContentType(d.contentType) ? d.contentType : null,
    format: isFormat(d.format) ? d.format : null,
    caption: d.caption,
    plannedAt: d.plannedAt instanceof Date ? d.plannedAt.toISOString() : d.plannedAt,
    mediaCount: d.mediaCount,
  };
}

export interface StoredScore {
  score: number | null;
  scoreBand: string;
  scoreDetails: DraftScore;
  modelVersion: string;
}

export function scoreForStorage(d: DraftForScoring, input: ScoringInput): StoredScore {
  const model = trainScorer(input.history, input.context);
  const result = scoreDraft(coreDraft(d, input.context.platform), model);
  return { score: result.score?.value ?? null, scoreBand: result.band, scoreDetails: result, modelVersion: result.modelVersion ?? MODEL_VERSION };
}
