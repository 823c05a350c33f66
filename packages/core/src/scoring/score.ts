/**
 * Scoring a draft against a trained model: microseconds, so the editor can run it on every keystroke.
 * Rate = current level + effects; a count = that rate times the expected denominator; 80% ranges from
 * the model's out-of-sample residuals.
 */
import type { Post } from "../domain/post";
import { slotLogLift } from "../timing/best-slots";
import { toLocalTime } from "../timing/time-zone";
import type { Band, Incomplete } from "./bands";
import { BAND_LABELS, bandOf, incompleteDraft, scoreAgainstOwnPosts } from "./bands";
import { analyzeCaption } from "./caption";
import type { DraftView, Explanation } from "./explain";
import { explain } from "./explain";
import { encode } from "./features";
import { rowDot } from "./ridge";
import type { Draft, ScorerContext, ScorerDenominator, ScorerModel } from "./schemas";
import type { SlotAdvice, Suggestion } from "./suggest";
import { slotAdvice, suggest } from "./suggest";
import { levelAt, residualsAt, trainScorer } from "./train";
import { PER_DENOMINATOR, outcomeWord } from "./words";

export interface PredictedRange {
  low: number;
  expected: number;
  high: number;
  /** 80% range (the nominal level; its observed coverage is in EVAL.md). */
  level: 0.8;
  denominator: ScorerDenominator;
  /** Posts the model learned from. */
  n: number;
  label: string;
}

export interface DraftScore {
  modelVersion: string;
  directionOnly: boolean;
  /** Posts the model learned from. */
  n: number;
  denominator: ScorerDenominator;
  /** Predicted rate per denominator (e.g. interactions per impression), 80% range; null without numbers. */
  rate: PredictedRange | null;
  /** Predicted count (rate x expected denominator), 80% range. */
  count: (PredictedRange & { expectedDenominator: number | null }) | null;
  /** 0-100 against the account's own posts; null below MIN_POSTS_FOR_BANDS posts or when incomplete. */
  score: { value: number; n: number; basis: string } | null;
  band: Band;
  bandLabel: string;
  incomplete: Incomplete | null;
  explanations: Explanation[];
  suggestions: Suggestion[];
  /** The account's best slot (the insights page's), when the draft is not planned in it. */
  slotAdvice: SlotAdvice | null;
}

export interface ScoreOptions {
  /** Used when `scoreDraft` is given a history instead of a trained model. */
  context?: ScorerContext;
  maxExplanations?: number;
  /** Posts ahead of the last known post; by default from the planned time and the recent posting rate, else 1. */
  horizon?: number;
}

/** How many posts ahead of the newest known post a draft planned at `plannedAt` is (at least 1). */
export function postsAhead(model: ScorerModel, plannedAt: string | null | undefined): number {
  if (!plannedAt || !model.lastPostAt || !model.postsPerDay) return 1;
  const days = (Date.parse(plannedAt) - Date.parse(model.lastPostAt)) / 86_400_000;
  return Number.isFinite(days) ? Math.max(1, Math.round(days * model.postsPerDay)) : 1;
}

function draftView(draft: Draft, model: ScorerModel): DraftView {
  const caption = analyzeCaption(draft.caption);
  let weekday: number | null = null;
  let hour: number | null = null;
  if (draft.plannedAt) {
    const local = toLocalTime(Date.parse(draft.plannedAt), model.context.timeZone);
    if (local) {
      weekday = local.weekday;
      hour = local.hour;
    }
  } else if (draft.slot) {
    weekday = draft.slot.weekday;
    hour = draft.slot.hour;
  }
  return {
    caption,
    weekday,
    hour,
    input: {
      contentType: draft.contentType ?? null,
      format: draft.format ?? null,
      caption: draft.caption != null ? caption : null,
      hasLink: draft.hasLink ?? null,
      mediaCount: draft.mediaCount ?? null,
      paid: draft.paid ?? null,
      slotLift: model.slotEffect ? slotLogLift(model.context.timing, weekday, hour) : 0,
    },
  };
}

/** Log predictions for a draft `h` posts ahead: the rate, and the count (null without a denominator estimate). */
function predictLogs(
  draft: Draft,
  model: ScorerModel,
  x: Float64Array,
  h: number,
): { z: number; c: number | null } {
  const z = levelAt(model.rate, h) + rowDot(x, 0, x.length, model.rate.beta);
  if (model.count)
    return { z, c: levelAt(model.count, h) + rowDot(x, 0, x.length, model.count.beta) };
  const followers = draft.followers ?? model.currentFollowers;
  return { z, c: followers && followers > 0 ? z + Math.log(followers) : null };
}

/** The count's residual percentiles at a horizon: its own series, or the rate's when the denominator is known (followers). */
function countResiduals(model: ScorerModel, h: number) {
  return residualsAt(model.count ?? model.rate, h);
}

const back = (v: number) => Math.max(0, Math.exp(v) - 1);

/**
 * Scores a draft. Pass a trained model (fast path: microseconds) or a history plus
 * `options.context` (trains first). Deterministic: the same inputs give the same output.
 */
export function scoreDraft(
  draft: Draft,
  modelOrHistory: ScorerModel | readonly Post[],
  options: ScoreOptions = {},
): DraftScore {
  const model = Array.isArray(modelOrHistory)
    ? trainScorer(
        modelOrHistory as readonly Post[],
        options.context ?? { platform: draft.platform ?? "instagram" },
      )
    : (modelOrHistory as ScorerModel);
  const base = {
    modelVersion: model.version,
    directionOnly: model.directionOnly,
    n: model.n,
    denominator: model.denominator,
  };
  const incomplete = incompleteDraft(draft);
  if (incomplete) {
    return {
      ...base,
      rate: null,
      count: null,
      score: null,
      band: "incomplete",
      bandLabel: incomplete.text,
      incomplete,
      explanations: [],
      suggestions: [],
      slotAdvice: null,
    };
  }
  const view = draftView(draft, model);
  const x = encode(view.input);
  const advice = slotAdvice(model, view);
  const explanations = explain(model, x, view, options.maxExplanations ?? 5);
  const suggestions = suggest(model, x, view, advice);
  if (model.directionOnly) {
    return {
      ...base,
      rate: null,
      count: null,
      score: null,
      band: "direction-only",
      bandLabel: BAND_LABELS["direction-only"],
      incomplete: null,
      explanations,
      suggestions,
      slotAdvice: advice,
    };
  }
  const h = options.horizon ?? postsAhead(model, draft.plannedAt);
  const { z, c } = predictLogs(draft, model, x, h);
  const per = PER_DENOMINATOR[model.denominator];
  const what = outcomeWord(model);
  // The expected denominator: the count over the rate (followers: known at posting time).
  const denExp =
    c !== null && model.count ? Math.exp(c - z) : (draft.followers ?? model.currentFollowers);
  // rate = (count + 1) / den - 1 / den on the model's scale.
  const rateAt = (v: number) => Math.max(0, Math.exp(v) - (denExp ? 1 / denExp : 0));
  const rr = residualsAt(model.rate, h);
  const rate: PredictedRange = {
    low: rateAt(z + rr.low),
    expected: rateAt(z),
    high: rateAt(z + rr.high),
    level: 0.8,
    denominator: model.denominator,
    n: model.n,
    label: `Expected ${what} ${per}, 80% range, from ${model.n} of your posts`,
  };
  const cr = countResiduals(model, h);
  const count =
    c !== null
      ? {
          low: back(c + cr.low),
          expected: back(c),
          high: back(c + cr.high),
          level: 0.8 as const,
          n: model.n,
          denominator: model.denominator,
          expectedDenominator: denExp ?? null,
          label: `Expected ${what}, 80% range, from ${model.n} of your posts`,
        }
      : null;
  const score = scoreAgainstOwnPosts(model, rowDot(x, 0, x.length, model.rate.beta));
  const band: Band = score ? bandOf(score.value) : "range-only";
  return {
    ...base,
    rate,
    count,
    score,
    band,
    bandLabel: BAND_LABELS[band],
    incomplete: null,
    explanations,
    suggestions,
    slotAdvice: advice,
  };
}

/** The expected outcome count and its 80% range, `horizon` posts ahead (default 1); null without a denominator estimate. */
export function predictCountRange(
  draft: Draft,
  model: ScorerModel,
  horizon = 1,
): { expected: number; low: number; high: number } | null {
  const view = draftView(draft, model);
  const { c } = predictLogs(draft, model, encode(view.input), horizon);
  if (c === null) return null;
  const r = countResiduals(model, horizon);
  return { expected: back(c), low: back(c + r.low), high: back(c + r.high) };
}

/** The expected outcome count for a draft, used by the evaluation. */
export function predictCount(draft: Draft, model: ScorerModel): number | null {
  return predictCountRange(draft, model)?.expected ?? null;
}
