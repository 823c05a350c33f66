/**
 * The account's best past posts by interaction quality: the editor compares a draft with the best
 * post of the same content type, and the draft list offers "run it again" from the top posts.
 * Posts are ranked on one denominator (reach when most posts have it, else followers) so rates compare.
 */
import type { Post } from "../domain/post";
import type { ContentType } from "../domain/vocabulary";
import type { Rate } from "../metrics/post-metrics";
import { interactionQuality } from "../metrics/post-metrics";
import { median } from "../stats/descriptive";

export interface RankedPost {
  post: Post;
  rate: Rate;
  /** The post's rate over the median rate of the posts compared (same denominator). */
  vsMedian: number | null;
  /** Posts compared. */
  n: number;
}

function rankOn(posts: readonly Post[]): { ranked: { post: Post; rate: Rate }[]; typical: number | null } {
  const byReach = posts.map((p) => ({ post: p, rate: interactionQuality(p, { denominator: "reach" }) }));
  const reachCount = byReach.filter((r) => r.rate).length;
  const byFollowers = posts.map((p) => ({ post: p, rate: interactionQuality(p, { denominator: "followers" }) }));
  const followerCount = byFollowers.filter((r) => r.rate).length;
  const chosen = reachCount >= followerCount ? byReach : byFollowers;
  const ranked = chosen.filter((r): r is { post: Post; rate: Rate } => r.rate !== null).sort((a, b) => b.rate.value - a.rate.value);
  return { ranked, typical: median(ranked.map((r) => r.rate.value)) };
}

/** The top `limit` posts of a history (optionally of one content type), best first. */
export function topPosts(history: readonly Post[], options: { contentType?: ContentType | null; limit?: number } = {}): RankedPost[] {
  const pool = options.contentType ? history.filter((p) => p.contentType === options.contentType) : history;
  const { ranked, typical } = rankOn(pool);
  return ranked.slice(0, options.limit ?? 5).map((r) => ({
    post: r.post,
    rate: r.rate,
    vsMedian: typical !== null && typical > 0 ? r.rate.value / typical : null,
    n: ranked.length,
  }));
}

/** The best past post of a content type, or null when the account has none with a measurable rate. */
export function bestPastPost(history: readonly Post[], contentType: ContentType | null | undefined): RankedPost | null {
  if (!contentType) return null;
  return topPosts(history, { contentType, limit: 1 })[0] ?? null;
}
