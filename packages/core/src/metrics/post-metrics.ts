/**
 * Per-post engagement metrics. Each rate names its denominator and sample size; per reach is the
 * primary, per follower the labelled fallback, per impression or view when that is all there is.
 */
import type { Post } from "../domain/post";
import { present } from "../domain/post";
import type { InteractionWeights } from "./weights";
import { DEFAULT_INTERACTION_WEIGHTS } from "./weights";

export type Denominator = "reach" | "followers" | "impressions" | "views";

export interface Rate {
  value: number;
  denominator: Denominator;
  /** Posts behind the number (1 for a single post). */
  n: number;
  /** True when reach was missing and a weaker denominator stood in. */
  fallback: boolean;
  label: string;
}

const DENOMINATOR_WORDS: Record<Denominator, string> = {
  reach: "per person reached",
  followers: "per follower (reach not available)",
  impressions: "per impression (reach not available)",
  views: "per view (reach not available)",
};

export function denominatorLabel(d: Denominator): string {
  return DENOMINATOR_WORDS[d];
}

/** The best available denominator: reach, then followers, then impressions, then views. */
export function pickDenominator(post: Post, prefer?: Denominator): { denominator: Denominator; value: number } | null {
  const order: Denominator[] = prefer ? [prefer] : ["reach", "followers", "impressions", "views"];
  for (const d of order) {
    const v = post[d];
    if (present(v) && v > 0) return { denominator: d, value: v };
  }
  return null;
}

/** likes + comments + shares + saves over the counts that are present; null when none is. */
export function totalInteractions(post: Post): number | null {
  const parts = [post.likes, post.comments, post.shares, post.saves].filter(present);
  if (parts.length === 0) return null;
  return parts.reduce((a, b) => a + b, 0);
}

/** Weighted interactions (the numerator of the quality score); null when no count is present. */
export function weightedInteractions(post: Post, weights: InteractionWeights = DEFAULT_INTERACTION_WEIGHTS): number | null {
  const pairs: [number | null | undefined, number][] = [
    [post.likes, weights.like],
    [post.saves, weights.save],
    [post.shares, weights.share],
    [post.comments, weights.comment],
  ];
  let sum = 0;
  let any = false;
  for (const [count, w] of pairs) {
    if (present(count)) {
      sum += count * w;
      any = true;
    }
  }
  return any ? sum : null;
}

function rate(numerator: number | null, post: Post, label: string, prefer?: Denominator): Rate | null {
  if (numerator === null) return null;
  const d = pickDenominator(post, prefer);
  if (!d) return null;
  return {
    value: numerator / d.value,
    denominator: d.denominator,
    n: 1,
    fallback: d.denominator !== "reach",
    label: `${label} ${DENOMINATOR_WORDS[d.denominator]}`,
  };
}

export interface RateOptions {
  /** Force a denominator (e.g. "followers" for the per-follower view); missing when absent. */
  denominator?: Denominator;
  weights?: InteractionWeights;
}

export function engagementRate(post: Post, options: RateOptions = {}): Rate | null {
  return rate(totalInteractions(post), post, "Interactions", options.denominator);
}

/** Interaction quality: weighted interactions (default like 1, save 2, share 3, comment 10) per reach. */
export function interactionQuality(post: Post, options: RateOptions = {}): Rate | null {
  return rate(weightedInteractions(post, options.weights), post, "Interaction quality", options.denominator);
}

/** Comments per reach (conversation rate). */
export function conversationRate(post: Post, options: RateOptions = {}): Rate | null {
  return rate(present(post.comments) ? post.comments : null, post, "Comments", options.denominator);
}

/** Shares per reach (amplification rate). */
export function amplificationRate(post: Post, options: RateOptions = {}): Rate | null {
  return rate(present(post.shares) ? post.shares : null, post, "Shares", options.denominator);
}

/** Likes per reach (applause rate). */
export function applauseRate(post: Post, options: RateOptions = {}): Rate | null {
  return rate(present(post.likes) ? post.likes : null, post, "Likes", options.denominator);
}

export interface Share {
  value: number;
  denominator: "interactions";
  /** Interactions behind the share. */
  n: number;
  label: string;
}

/** (comments + shares + saves) / all interactions; null with no interactions. */
export function deepInteractionShare(post: Post): Share | null {
  const total = totalInteractions(post);
  if (total === null || total === 0) return null;
  const deep = [post.comments, post.shares, post.saves].filter(present).reduce((a, b) => a + b, 0);
  return { value: deep / total, denominator: "interactions", n: total, label: "Share of interactions that were comments, shares or saves" };
}

export interface PostMetrics {
  engagementRate: Rate | null;
  engagementRatePerFollower: Rate | null;
  interactionQuality: Rate | null;
  deepInteractionShare: Share | null;
  conversationRate: Rate | null;
  amplificationRate: Rate | null;
  applauseRate: Rate | null;
}

/** All per-post metrics at once. */
export function postMetrics(post: Post, options: RateOptions = {}): PostMetrics {
  return {
    engagementRate: engagementRate(post, options),
    engagementRatePerFollower: engagementRate(post, { ...options, denominator: "followers" }),
    interactionQuality: interactionQuality(post, options),
    deepInteractionShare: deepInteractionShare(post),
    conversationRate: conversationRate(post, options),
    amplificationRate: amplificationRate(post, options),
    applauseRate: applauseRate(post, options),
  };
}
