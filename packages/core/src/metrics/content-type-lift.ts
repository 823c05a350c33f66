/**
 * Content-type and format lift: how each kind of post does against the account's own baseline,
 * shrunk toward 1x by sample size, with a seeded 95% bootstrap interval. "Best" needs an interval
 * that excludes 1x.
 */
import type { Post } from "../domain/post";
import type { ContentType, Format } from "../domain/vocabulary";
import { CONTENT_TYPES, CONTENT_TYPE_LABELS, FORMATS, FORMAT_LABELS } from "../domain/vocabulary";
import type { EvidenceState, GroupEffectsOptions, LiftInterval } from "../stats/shrinkage";
import { groupEffects } from "../stats/shrinkage";
import type { OutcomeOptions } from "./outcome";
import { logOutcomes } from "./outcome";
import type { Denominator } from "./post-metrics";
import { formatMultiple } from "./performance-index";

export interface LiftRow<K extends string> {
  key: K;
  label: string;
  n: number;
  lift: number;
  rawLift: number | null;
  interval: LiftInterval | null;
  state: EvidenceState;
  isBest: boolean;
  summary: string;
}

export interface LiftTable<K extends string> {
  rows: LiftRow<K>[];
  best: K | null;
}

export interface LiftBaseline {
  /** Geometric-mean interaction quality of the account. */
  value: number | null;
  denominator: Denominator;
  n: number;
  excluded: number;
}

export interface ContentTypeLiftResult {
  baseline: LiftBaseline;
  byContentType: LiftTable<ContentType>;
  byFormat: LiftTable<Format>;
}

export type LiftOptions = OutcomeOptions & GroupEffectsOptions;

const STATE_WORDS: Record<EvidenceState, string> = {
  "not-enough-posts": "not enough posts yet",
  tentative: "tentative",
  normal: "",
};

/** Builds a lift table for any grouping: used for content types, formats and timing slots. */
export function liftTable<K extends string>(
  logs: readonly number[],
  keys: readonly K[],
  allKeys: readonly K[],
  labelOf: (k: K) => string,
  options: GroupEffectsOptions,
): LiftTable<K> & { tau2: number } {
  const fx = groupEffects(logs, keys, allKeys, options);
  let best: K | null = null;
  let bestLift = 1;
  for (const g of fx.groups) {
    if (g.state !== "not-enough-posts" && g.interval && g.interval.low > 1 && g.lift > bestLift) {
      best = g.key;
      bestLift = g.lift;
    }
  }
  const rows = fx.groups.map((g): LiftRow<K> => {
    const label = labelOf(g.key);
    let summary: string;
    if (g.state === "not-enough-posts") {
      summary = `${label}: not enough posts yet (${g.n} of 3 needed).`;
    } else {
      const range = g.interval ? `, 95% range ${formatMultiple(g.interval.low)}-${formatMultiple(g.interval.high)}` : "";
      const note = STATE_WORDS[g.state] ? ` (${STATE_WORDS[g.state]})` : "";
      summary = `${label}: ${formatMultiple(g.lift)} your typical post, from ${g.n} posts${range}${note}.`;
    }
    return { key: g.key, label, n: g.n, lift: g.lift, rawLift: g.rawLift, interval: g.interval, state: g.state, isBest: g.key === best, summary };
  });
  return { rows, best, tau2: fx.tau2 };
}

/** Lift of each content type and each format against the account baseline. */
export function contentTypeLift(posts: readonly Post[], options: LiftOptions = {}): ContentTypeLiftResult {
  const out = logOutcomes(posts, options);
  const typed = out.posts.map((p, i) => ({ p, y: out.logs[i] as number }));
  const withType = typed.filter((t) => t.p.contentType != null);
  const withFormat = typed.filter((t) => t.p.format != null);
  const mean = out.logs.length ? out.logs.reduce((a, b) => a + b, 0) / out.logs.length : null;
  const { tau2: _t1, ...byContentType } = liftTable(
    withType.map((t) => t.y),
    withType.map((t) => t.p.contentType as ContentType),
    CONTENT_TYPES,
    (k) => CONTENT_TYPE_LABELS[k],
    options,
  );
  const { tau2: _t2, ...byFormat } = liftTable(
    withFormat.map((t) => t.y),
    withFormat.map((t) => t.p.format as Format),
    FORMATS,
    (k) => FORMAT_LABELS[k],
    options,
  );
  return {
    baseline: {
      value: mean === null ? null : Math.max(0, Math.exp(mean) - out.offset),
      denominator: out.denominator,
      n: out.posts.length,
      excluded: out.excluded,
    },
    byContentType,
    byFormat,
  };
}
