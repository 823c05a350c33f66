/**
 * "1.8x your typical post": a post's interaction quality against the rolling median of the
 * account's own earlier posts, on the same denominator.
 */
import type { Post } from "../domain/post";
import { median } from "../stats/descriptive";
import type { Denominator, RateOptions } from "./post-metrics";
import { interactionQuality } from "./post-metrics";

export interface PerformanceIndex {
  /** post rate / typical rate. */
  value: number;
  typical: number;
  denominator: Denominator;
  /** Earlier posts behind the typical value. */
  n: number;
  label: string;
}

export interface PerformanceIndexOptions extends RateOptions {
  /** How many earlier posts make "typical" (default 30). */
  window?: number;
}

function time(p: Post): number {
  return p.publishedAt ? Date.parse(p.publishedAt) : Number.NaN;
}

/**
 * `history` may hold the post itself and later posts; only posts published before it count.
 * Needs 3 earlier posts on the same denominator, otherwise null (not enough data).
 */
export function performanceIndex(post: Post, history: readonly Post[], options: PerformanceIndexOptions = {}): PerformanceIndex | null {
  const own = interactionQuality(post, options);
  if (!own) return null;
  const t = time(post);
  const window = options.window ?? 30;
  const earlier = history
    .filter((p) => p !== post && p.id !== post.id && (Number.isNaN(t) || time(p) < t))
    .sort((a, b) => time(a) - time(b))
    .slice(-window);
  const rates = earlier
    .map((p) => interactionQuality(p, { ...options, denominator: own.denominator }))
    .filter((r): r is NonNullable<typeof r> => r !== null)
    .map((r) => r.value);
  const typical = median(rates);
  if (typical === null || rates.length < 3 || typical <= 0) return null;
  const value = own.value / typical;
  return {
    value,
    typical,
    denominator: own.denominator,
    n: rates.length,
    label: `${formatMultiple(value)} your typical post (median of your last ${rates.length})`,
  };
}

/** "1.8x" with one decimal; tiny values stay readable. */
export function formatMultiple(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  return `${x >= 10 ? Math.round(x) : x.toFixed(1)}x`;
}
