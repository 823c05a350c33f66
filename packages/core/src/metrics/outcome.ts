/**
 * The log-scale outcome that lift, timing and cadence compare: interaction quality on one shared
 * denominator, with a small offset so posts with no interactions stay in the data.
 */
import type { Post } from "../domain/post";
import { present } from "../domain/post";
import type { Denominator } from "./post-metrics";
import { weightedInteractions } from "./post-metrics";
import type { InteractionWeights } from "./weights";

export interface OutcomeOptions {
  denominator?: Denominator;
  weights?: InteractionWeights;
}

export interface LogOutcomes {
  denominator: Denominator;
  /** Posts that had the denominator and at least one count, in input order. */
  posts: Post[];
  rates: number[];
  logs: number[];
  /** Added before the log: half the smallest positive rate. */
  offset: number;
  excluded: number;
}

/** The denominator most posts have, preferring reach on ties. */
export function commonDenominator(posts: readonly Post[]): Denominator {
  const order: Denominator[] = ["reach", "followers", "impressions", "views"];
  let best: Denominator = "reach";
  let bestCount = -1;
  for (const d of order) {
    const c = posts.reduce((acc, p) => acc + (present(p[d]) && (p[d] as number) > 0 ? 1 : 0), 0);
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

export function logOutcomes(posts: readonly Post[], options: OutcomeOptions = {}): LogOutcomes {
  const denominator = options.denominator ?? commonDenominator(posts);
  const kept: Post[] = [];
  const rates: number[] = [];
  for (const p of posts) {
    const d = p[denominator];
    const num = weightedInteractions(p, options.weights);
    if (!present(d) || d <= 0 || num === null) continue;
    kept.push(p);
    rates.push(num / d);
  }
  let minPositive = Number.POSITIVE_INFINITY;
  for (const r of rates) if (r > 0 && r < minPositive) minPositive = r;
  const offset = Number.isFinite(minPositive) ? minPositive / 2 : 1e-6;
  return {
    denominator,
    posts: kept,
    rates,
    logs: rates.map((r) => Math.log(r + offset)),
    offset,
    excluded: posts.length - kept.length,
  };
}
