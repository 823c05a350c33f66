/**
 * The cadence guardrail for planned posts: on which local days and weeks extra posts would likely
 * split the same attention, judged from the account's own history (core's cadence analysis for
 * weeks; same-day posts against posts alone on their day for days). Silent when history cannot tell.
 */
import type { Post } from "../domain/post";
import { logOutcomes } from "../metrics/outcome";
import type { Denominator } from "../metrics/post-metrics";
import { denominatorLabel } from "../metrics/post-metrics";
import { formatMultiple } from "../metrics/performance-index";
import { median } from "../stats/descriptive";
import { toLocalTime, weekStartOfLocalDate } from "../timing/time-zone";
import { cadence } from "./cadence";
import type { CadenceOptions } from "./cadence";

export interface GuardrailWeek {
  weekStart: string;
  posts: number;
  typical: number;
  warning: string;
}

export interface GuardrailDay {
  date: string;
  posts: number;
  warning: string;
}

export interface SameDayEffect {
  /** Median per-post rate on days with 2+ posts over the median on days with one post. */
  ratio: number;
  multiPosts: number;
  singlePosts: number;
  multiDays: number;
  denominator: Denominator;
}

export interface CadenceGuardrail {
  typicalPostsPerWeek: number | null;
  weeks: GuardrailWeek[];
  days: GuardrailDay[];
  sameDay: SameDayEffect | null;
  /** One sentence on what the history allows us to say. */
  summary: string;
}

/** Posts per side needed before the same-day comparison is trusted. */
const MIN_SAME_DAY_POSTS = 10;

/** How posts that share their local day fare against posts alone on theirs; null without enough of both. */
export function sameDayEffect(
  history: readonly Post[],
  options: CadenceOptions,
): SameDayEffect | null {
  const out = logOutcomes(
    history.filter((p) => p.publishedAt),
    options,
  );
  const dayOf = out.posts.map(
    (p) => toLocalTime(Date.parse(p.publishedAt as string), options.timeZone)?.date ?? null,
  );
  const perDay = new Map<string, number>();
  for (const d of dayOf) if (d) perDay.set(d, (perDay.get(d) ?? 0) + 1);
  const multi: number[] = [];
  const single: number[] = [];
  dayOf.forEach((d, i) => {
    if (!d) return;
    ((perDay.get(d) ?? 0) > 1 ? multi : single).push(out.rates[i] as number);
  });
  const mMulti = median(multi);
  const mSingle = median(single);
  if (
    multi.length < MIN_SAME_DAY_POSTS ||
    single.length < MIN_SAME_DAY_POSTS ||
    mMulti === null ||
    mSingle === null ||
    mSingle <= 0
  )
    return null;
  const multiDays = [...perDay.values()].filter((n) => n > 1).length;
  return {
    ratio: mMulti / mSingle,
    multiPosts: multi.length,
    singlePosts: single.length,
    multiDays,
    denominator: out.denominator,
  };
}

/** What the guardrail reads from the account's history, computed once per history (cacheable). */
export interface CadenceBaseline {
  typicalPostsPerWeek: number | null;
  /** Dated weeks in the history. */
  weeks: number;
  /** Past weeks with more posts than typical, and how many of them did not add to the week's total. */
  busyWeeks: number;
  flaggedWeeks: number;
  sameDay: SameDayEffect | null;
}

export function cadenceBaseline(
  history: readonly Post[],
  options: CadenceOptions,
): CadenceBaseline {
  const c = cadence(history, options);
  const typical = c.typicalPostsPerWeek;
  const busy = typical === null ? [] : c.weeks.filter((w) => w.posts > typical);
  return {
    typicalPostsPerWeek: typical,
    weeks: c.weeks.length,
    busyWeeks: busy.length,
    flaggedWeeks: busy.filter((w) => w.cannibalised).length,
    sameDay: sameDayEffect(history, options),
  };
}

/**
 * `plannedDates` holds one local date (the profile's clock) per post going out or already out in
 * the period: planned drafts and this week's published posts alike.
 */
export function cadenceGuardrail(
  history: readonly Post[],
  plannedDates: readonly string[],
  options: CadenceOptions,
): CadenceGuardrail {
  return guardrailFrom(cadenceBaseline(history, options), plannedDates);
}

export function guardrailFrom(
  b: CadenceBaseline,
  plannedDates: readonly string[],
): CadenceGuardrail {
  const typical = b.typicalPostsPerWeek;
  const perWeek = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (const d of plannedDates) {
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
    const w = weekStartOfLocalDate(d);
    perWeek.set(w, (perWeek.get(w) ?? 0) + 1);
  }
  const weeks: GuardrailWeek[] = [];
  // Warn only when busier weeks mostly failed to add: one unlucky week is not a pattern.
  const weeksJudged =
    b.weeks >= 4 && typical !== null && b.flaggedWeeks >= 2 && b.flaggedWeeks * 2 >= b.busyWeeks;
  if (weeksJudged) {
    for (const [weekStart, posts] of [...perWeek.entries()].sort((x, y) =>
      x[0].localeCompare(y[0]),
    )) {
      if (posts <= (typical as number)) continue;
      weeks.push({
        weekStart,
        posts,
        typical: typical as number,
        warning: `${posts} posts this week (usually ${typical}): in ${b.flaggedWeeks} of ${b.busyWeeks} past weeks with more than ${typical} posts, the extra posts did not add to the week's total.`,
      });
    }
  }
  const sameDay = b.sameDay;
  const days: GuardrailDay[] = [];
  if (sameDay && sameDay.ratio < 0.9) {
    for (const [date, posts] of [...perDay.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
      if (posts < 2) continue;
      days.push({
        date,
        posts,
        warning: `${posts} posts on one day: on your ${sameDay.multiDays} past days with 2 or more posts, each post got ${formatMultiple(sameDay.ratio)} the weighted interactions ${denominatorLabel(sameDay.denominator)} of a post alone on its day (${sameDay.multiPosts} vs ${sameDay.singlePosts} posts).`,
      });
    }
  }
  const summary =
    b.weeks < 4
      ? `Not enough dated weeks yet to judge cadence (${b.weeks} of 4).`
      : weeks.length + days.length > 0
        ? `${weeks.length} week${weeks.length === 1 ? "" : "s"} and ${days.length} day${days.length === 1 ? "" : "s"} have more posts than your history says pays off.`
        : weeksJudged || (sameDay && sameDay.ratio < 0.9)
          ? "The plan stays within the cadence your history supports."
          : `In your history, extra posts added to the week's total (${b.weeks} weeks): no warning.`;
  return { typicalPostsPerWeek: typical, weeks, days, sameDay, summary };
}
