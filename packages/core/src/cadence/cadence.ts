/**
 * Cadence: per-post quality and weekly totals side by side, so posting more is judged by what the
 * week gained, and weeks where extra posts cannibalised each other are flagged.
 */
import type { Post } from "../domain/post";
import { logOutcomes } from "../metrics/outcome";
import type { OutcomeOptions } from "../metrics/outcome";
import type { Denominator } from "../metrics/post-metrics";
import { weightedInteractions } from "../metrics/post-metrics";
import { median } from "../stats/descriptive";
import { toLocalTime } from "../timing/time-zone";

export interface CadenceWeek {
  /** Monday of the week (YYYY-MM-DD, profile time zone). */
  weekStart: string;
  posts: number;
  /** Weighted interactions summed over the week. */
  weeklyTotal: number;
  /** Median per-post interaction quality in the week. */
  perPostRate: number;
  denominator: Denominator;
  cannibalised: boolean;
  evidence: string | null;
}

/**
 * Weeks with dated, measurable posts before cadence is judged (and charted): a busy week is compared
 * with the median of at least three usual weeks, so four weeks is the least that can say anything.
 */
export const CADENCE_MIN_WEEKS = 4;

/** What cadence needs, in words (the card says it beside the progress). */
export const CADENCE_NEEDS =
  "A week counts when at least one post in it has its full date and a reach or follower count. Cadence compares each week's total with a usual week's, so it needs at least 4 such weeks.";

export interface CadenceResult {
  weeks: CadenceWeek[];
  typicalPostsPerWeek: number | null;
  typicalWeeklyTotal: number | null;
  typicalPerPostRate: number | null;
  denominator: Denominator;
  n: number;
  summary: string;
}

export interface CadenceOptions extends OutcomeOptions {
  timeZone: string;
}

/** Monday of the post's local week (calendar arithmetic on the local date, so DST cannot shift it). */
function weekStart(epochMs: number, timeZone: string): string | null {
  const local = toLocalTime(epochMs, timeZone);
  if (!local) return null;
  return new Date(Date.UTC(local.year, local.month - 1, local.day - local.weekday)).toISOString().slice(0, 10);
}

export function cadence(posts: readonly Post[], options: CadenceOptions): CadenceResult {
  const out = logOutcomes(posts.filter((p) => p.publishedAt), options);
  const byWeek = new Map<string, { rates: number[]; total: number }>();
  out.posts.forEach((p, i) => {
    const wk = weekStart(Date.parse(p.publishedAt as string), options.timeZone);
    if (!wk) return;
    const entry = byWeek.get(wk) ?? { rates: [], total: 0 };
    entry.rates.push(out.rates[i] as number);
    entry.total += weightedInteractions(p, options.weights) ?? 0;
    byWeek.set(wk, entry);
  });
  const weeksRaw = [...byWeek.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const counts = weeksRaw.map(([, w]) => w.rates.length);
  const typicalCount = median(counts);
  const typicalRate = median(out.rates);
  // The yardstick for a busy week: what a week at the usual cadence brings in.
  const usualTotals = weeksRaw.filter(([, w]) => typicalCount !== null && w.rates.length <= typicalCount).map(([, w]) => w.total);
  const typicalTotal = median(usualTotals);
  const weeks: CadenceWeek[] = weeksRaw.map(([start, w]) => {
    const perPost = median(w.rates) as number;
    const extra = typicalCount !== null && w.rates.length > typicalCount;
    const cannibalised = extra && typicalTotal !== null && usualTotals.length >= 3 && w.total <= typicalTotal * 1.1 && typicalRate !== null && perPost < typicalRate;
    return {
      weekStart: start,
      posts: w.rates.length,
      weeklyTotal: w.total,
      perPostRate: perPost,
      denominator: out.denominator,
      cannibalised,
      evidence: cannibalised
        ? `${w.rates.length} posts (usually ${typicalCount}) brought ${Math.round(w.total)} weighted interactions, no more than a usual week's ${Math.round(typicalTotal as number)}: the extra posts split the same attention.`
        : null,
    };
  });
  const flagged = weeks.filter((w) => w.cannibalised).length;
  return {
    weeks,
    typicalPostsPerWeek: typicalCount,
    typicalWeeklyTotal: typicalTotal,
    typicalPerPostRate: typicalRate,
    denominator: out.denominator,
    n: out.posts.length,
    summary:
      weeks.length < CADENCE_MIN_WEEKS
        ? `Not enough weeks yet to judge cadence: ${weeks.length} of ${CADENCE_MIN_WEEKS} weeks.`
        : flagged
          ? `${flagged} of ${weeks.length} weeks had extra posts that did not add to the week's total.`
          : `Across ${weeks.length} weeks, extra posts added to the week's total.`,
  };
}
