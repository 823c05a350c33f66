/**
 * Results come back: a published post waits until its metrics arrive (an import or a typed-in post,
 * matched by the post id in its permalink or by the permalink itself); then it shows what the scorer
 * predicted when it went out beside what happened, on the same denominator.
 */
import { totalInteractions, engagementRate, type Post } from "@rapport/core";
import { and, draftPublications, eq, or, posts, sql, type Database } from "@rapport/db";
import type { Executor } from "./queue";

type Publication = typeof draftPublications.$inferSelect;
type Denominator = "reach" | "impressions" | "views" | "followers";

interface StoredPrediction {
  rate?: {
    low: number;
    expected: number;
    high: number;
    denominator: Denominator;
    n: number;
    level: number;
  } | null;
  bandLabel?: string;
}

export type PublicationResults =
  | { state: "not-published" }
  | { state: "waiting"; permalink: string | null }
  | {
      state: "measured";
      postId: string;
      predicted: {
        score: number | null;
        band: string | null;
        rate: { low: number; expected: number; high: number; n: number; level: number } | null;
      };
      actual: { interactions: number | null; denominatorValue: number | null; rate: number | null };
      denominator: Denominator | null;
      /** Whether the actual rate fell inside the predicted range (null when either is missing). */
      inRange: boolean | null;
    };

export async function publicationResults(
  db: Database,
  pub: Publication | null,
): Promise<PublicationResults> {
  if (!pub?.publishedAt) return { state: "not-published" };
  let postId = pub.postId;
  if (!postId) {
    // Matched lazily: the metrics may have been imported (or typed in) after the post was marked published.
    postId = await findMatchingPost(db, pub.profileId, pub.externalId, pub.permalink);
    if (postId)
      await db
        .update(draftPublications)
        .set({ postId })
        .where(eq(draftPublications.draftId, pub.draftId));
  }
  if (!postId) return { state: "waiting", permalink: pub.permalink };
  const [row] = await db.select().from(posts).where(eq(posts.id, postId));
  if (!row) return { state: "waiting", permalink: pub.permalink };
  const predicted = (pub.predicted ?? null) as StoredPrediction | null;
  const range = predicted?.rate ?? null;
  const denominator = range?.denominator ?? null;
  const interactions = totalInteractions(row as unknown as Post);
  const denominatorValue = denominator ? (row[denominator] ?? null) : null;
  // Core's engagement rate on the predicted range's own denominator (missing when it is absent or 0).
  const rate = denominator
    ? (engagementRate(row as unknown as Post, { denominator })?.value ?? null)
    : null;
  return {
    state: "measured",
    postId,
    predicted: {
      score: pub.predictedScore,
      band: predicted?.bandLabel ?? pub.predictedBand,
      rate: range
        ? {
            low: range.low,
            expected: range.expected,
            high: range.high,
            n: range.n,
            level: range.level,
          }
        : null,
    },
    actual: { interactions, denominatorValue, rate },
    denominator,
    inRange: range && rate !== null ? rate >= range.low && rate <= range.high : null,
  };
}

/** The imported post carrying this live post's results, matched by post id or permalink. */
export async function findMatchingPost(
  db: Executor,
  profileId: string,
  externalId: string | null,
  permalink: string | null,
): Promise<string | null> {
  const conds = [];
  if (externalId) conds.push(eq(posts.externalId, externalId));
  if (permalink) conds.push(sql`${posts.extra}->>'permalink' = ${permalink}`);
  if (conds.length === 0) return null;
  const [p] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.profileId, profileId), or(...conds)))
    .limit(1);
  return p?.id ?? null;
}
