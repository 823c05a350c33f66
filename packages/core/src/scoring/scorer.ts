/**
 * The draft scorer: a per-account ridge regression on log interaction quality, trained once in
 * closed form (`trainScorer`), then cheap enough to score a draft on every keystroke (`scoreDraft`).
 * Cold start leans on platform and follower-tier priors; below ~10 posts it only gives direction.
 */
import { z } from "zod";
import type { Post } from "../domain/post";
import { PostSlotSchema, present } from "../domain/post";
import type { ContentType, Format } from "../domain/vocabulary";
import {
  AccountKindSchema,
  CONTENT_TYPES,
  CONTENT_TYPE_LABELS,
  ContentTypeSchema,
  FORMATS,
  FORMAT_LABELS,
  FormatSchema,
  MODEL_VERSION,
  PlatformSchema,
  WEEKDAY_NAMES,
} from "../domain/vocabulary";
import type { Denominator } from "../metrics/post-metrics";
import { totalInteractions, weightedInteractions } from "../metrics/post-metrics";
import { InteractionWeightsSchema } from "../metrics/weights";
import { mad, median, percentileRank, quantileSorted, sortNumbers } from "../stats/descriptive";
import { postLocalSlot } from "../timing/heatmap";
import { toLocalTime } from "../timing/time-zone";
import { FORMAT_PRIOR, benchmarkFor } from "./benchmarks";
import type { CaptionSignals } from "./caption";
import { analyzeCaption } from "./caption";
import type { FeatureGroup, FeatureInput } from "./features";
import { COLUMNS, FEATURE_INDEX, HOUR_BLOCK, P, col, encode } from "./features";
import { fitRidge } from "./ridge";

/** Below this many posts the scorer gives direction only, no numbers. */
export const MIN_POSTS_FOR_NUMBERS = 10;

export const OUTCOMES = ["quality", "interactions", "clicks"] as const;
export const ScorerContextSchema = z.object({
  platform: PlatformSchema,
  /** IANA zone of the profile; planned slots and history are read in it. */
  timeZone: z.string().default("UTC"),
  accountKind: AccountKindSchema.default("brand"),
  /** Current followers; defaults to the latest in the history. */
  followers: z.number().finite().nonnegative().nullish(),
  weights: InteractionWeightsSchema.nullish(),
  /** What to predict: interaction quality (default), plain interactions, or clicks. */
  outcome: z.enum(OUTCOMES).default("quality"),
  /**
   * Optional recency weighting: a post this many posts older than the newest counts half as much.
   * Off by default: it did not help in validation inside the training data (docs/decisions/103).
   * History is read in publish-time order, or in the given order without dates.
   */
  halfLifePosts: z.number().positive().nullish(),
});
export type ScorerContext = z.input<typeof ScorerContextSchema>;

export const DraftSchema = z.object({
  platform: PlatformSchema.nullish(),
  contentType: ContentTypeSchema.nullish(),
  format: FormatSchema.nullish(),
  /** Planned publish instant (ISO 8601); read in the profile's time zone. */
  plannedAt: z.string().nullish(),
  /** Or a local slot directly. */
  slot: PostSlotSchema.nullish(),
  caption: z.string().nullish(),
  mediaCount: z.number().int().nonnegative().nullish(),
  hasLink: z.boolean().nullish(),
  paid: z.boolean().nullish(),
  /** Followers when it goes out; defaults to the model's current followers. */
  followers: z.number().finite().nonnegative().nullish(),
});
export type Draft = z.infer<typeof DraftSchema>;

export interface TargetModel {
  denominator: Extract<Denominator, "reach" | "followers">;
  n: number;
  beta: number[];
  prior: number[];
  lambda: number;
  offset: number;
  looRmse: number | null;
  /** Sorted fitted values of the account's own posts: the distribution the 0-100 score ranks against. */
  fittedSorted: number[];
  /** 10th and 90th percentile residuals: the predicted range. */
  residualLow: number;
  residualHigh: number;
}

export interface ScorerModel {
  version: string;
  context: z.output<typeof ScorerContextSchema>;
  /** Posts in the history that carried the outcome. */
  n: number;
  directionOnly: boolean;
  /** ln of the account's median followers; the followers column is ln(followers / median) / followersScale. */
  referenceLogFollowers: number;
  /** Spread of ln(followers) in the history (floored), so the one ridge penalty is fair to this column. */
  followersScale: number;
  currentFollowers: number | null;
  perReach: TargetModel | null;
  perFollower: TargetModel | null;
  columnMeans: number[];
  /** Training posts with a non-zero value in each column (evidence counts). */
  columnCounts: number[];
}

function outcomeOf(post: Post, context: ScorerModel["context"]): number | null {
  if (context.outcome === "interactions") return totalInteractions(post);
  if (context.outcome === "clicks") return present(post.clicks) ? post.clicks : null;
  return weightedInteractions(post, context.weights ?? undefined);
}

function followersColumn(followers: number | null | undefined, refLog: number, scale: number): number {
  return present(followers) && followers > 0 ? (Math.log(followers) - refLog) / scale : 0;
}

function postFeatures(post: Post, timeZone: string, refLog: number, scale: number): FeatureInput {
  const slot = postLocalSlot(post, timeZone);
  return {
    contentType: post.contentType ?? null,
    format: post.format ?? null,
    weekday: slot?.weekday ?? null,
    hour: slot?.hour ?? null,
    caption: post.caption != null ? analyzeCaption(post.caption) : null,
    hasLink: post.hasLink ?? null,
    mediaCount: present(post.mediaCount) ? post.mediaCount : null,
    paid: post.paid ?? null,
    followersLog: followersColumn(post.followers, refLog, scale),
  };
}

/** Within one account, interactions grow slower than followers (elasticity of the rate about -0.3, as across tiers). */
const FOLLOWER_ELASTICITY_PRIOR = -0.3;

function priorVector(interceptRate: number, offset: number, denominator: "reach" | "followers", followersScale: number): Float64Array {
  const prior = new Float64Array(P);
  prior[0] = Math.log(interceptRate + offset);
  for (const f of FORMATS) prior[col(`format:${f}`)] = FORMAT_PRIOR[f];
  prior[col("question")] = 0.1;
  prior[col("callToAction")] = 0.05;
  prior[col("firstPerson")] = 0.05;
  prior[col("link")] = -0.1;
  prior[col("authenticity")] = 0.05;
  // Paid boosts buy reach, not interest: a prior effect per follower only.
  if (denominator === "followers") prior[col("paid")] = 0.3;
  prior[col("followers")] = denominator === "followers" ? FOLLOWER_ELASTICITY_PRIOR * followersScale : 0;
  return prior;
}

const HUBER_K = 1.345;
const ROBUST_ITERATIONS = 5;

function fitTarget(
  rows: { x: Float64Array; num: number; den: number; w: number }[],
  denominator: "reach" | "followers",
  benchmarkRate: number,
  followersScale: number,
): TargetModel | null {
  const n = rows.length;
  const rates = rows.map((r) => r.num / r.den);
  // One interaction on a typical denominator: log((count + 1) / denominator) in effect, so posts
  // with no interactions stay in without becoming extreme outliers on the log scale.
  const typicalDen = median(rows.map((r) => r.den));
  const offset = typicalDen !== null && typicalDen > 0 ? 1 / typicalDen : benchmarkRate / 100;
  const x = new Float64Array(n * P);
  const y = new Float64Array(n);
  rows.forEach((r, i) => {
    x.set(r.x, i * P);
    y[i] = Math.log((rates[i] as number) + offset);
  });
  const prior = priorVector(benchmarkRate, offset, denominator, followersScale);
  const base = Float64Array.from(rows, (r) => r.w);
  let fit = fitRidge(x, y, n, P, prior, { weights: base });
  // Huber re-weighting (k = 1.345 robust SDs): one viral or dead post should not move the typical
  // prediction. The penalty chosen on the first pass is kept.
  for (let iter = 0; iter < ROBUST_ITERATIONS && n >= MIN_POSTS_FOR_NUMBERS; iter++) {
    const scale = 1.4826 * (mad(Array.from(fit.residuals)) ?? 0);
    if (!(scale > 0)) break;
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = Math.abs(fit.residuals[i] as number);
      w[i] = (base[i] as number) * (r <= HUBER_K * scale ? 1 : (HUBER_K * scale) / r);
    }
    fit = fitRidge(x, y, n, P, prior, { weights: w, lambdas: [fit.lambda] });
  }
  const resid = sortNumbers(Array.from(fit.residuals));
  return {
    denominator,
    n,
    beta: Array.from(fit.beta),
    prior: Array.from(prior),
    lambda: fit.lambda,
    offset,
    looRmse: fit.looRmse,
    fittedSorted: sortNumbers(Array.from(fit.fitted)),
    // With few posts the residuals understate the spread; fall back to a wide +-0.8 (about 2.2x).
    residualLow: n >= MIN_POSTS_FOR_NUMBERS ? Math.min(-0.05, quantileSorted(resid, 0.1) ?? -0.8) : -0.8,
    residualHigh: n >= MIN_POSTS_FOR_NUMBERS ? Math.max(0.05, quantileSorted(resid, 0.9) ?? 0.8) : 0.8,
  };
}

/** Trains the per-account scorer on its history (closed form; milliseconds for thousands of posts). */
export function trainScorer(history: readonly Post[], context: ScorerContext): ScorerModel {
  const ctx = ScorerContextSchema.parse(context);
  const followerValues = history.map((p) => p.followers).filter((f): f is number => present(f) && f > 0);
  const refFollowers = median(followerValues);
  const refLog = refFollowers !== null ? Math.log(refFollowers) : 0;
  const lnF = followerValues.map((f) => Math.log(f));
  const lnMean = lnF.length ? lnF.reduce((a, b) => a + b, 0) / lnF.length : 0;
  const lnSd = lnF.length > 1 ? Math.sqrt(lnF.reduce((a, b) => a + (b - lnMean) ** 2, 0) / (lnF.length - 1)) : 0;
  const followersScale = Math.max(0.05, lnSd);
  const latest = [...history]
    .filter((p) => present(p.followers))
    .sort((a, b) => (a.publishedAt && b.publishedAt ? Date.parse(a.publishedAt) - Date.parse(b.publishedAt) : 0));
  const currentFollowers = ctx.followers ?? latest[latest.length - 1]?.followers ?? refFollowers;
  const bench = benchmarkFor(ctx.platform, currentFollowers ?? 1000, ctx.accountKind);
  // Quality weights comments at 10x, so the weighted rate runs above the plain benchmark.
  const scale = ctx.outcome === "quality" ? 1.5 : ctx.outcome === "clicks" ? 2 : 1;

  const reachRows: { x: Float64Array; num: number; den: number; w: number }[] = [];
  const followerRows: { x: Float64Array; num: number; den: number; w: number }[] = [];
  const dated = history.every((p) => p.publishedAt && Number.isFinite(Date.parse(p.publishedAt)));
  const ordered = dated ? [...history].sort((a, b) => Date.parse(a.publishedAt as string) - Date.parse(b.publishedAt as string)) : history;
  const means = new Float64Array(P);
  const counts = new Float64Array(P);
  let used = 0;
  const last = ordered.length - 1;
  for (let i = 0; i < ordered.length; i++) {
    const post = ordered[i] as Post;
    const w = ctx.halfLifePosts ? Math.pow(0.5, (last - i) / ctx.halfLifePosts) : 1;
    const num = outcomeOf(post, ctx);
    if (num === null) continue;
    const x = encode(postFeatures(post, ctx.timeZone, refLog, followersScale));
    let any = false;
    if (present(post.reach) && post.reach > 0) {
      reachRows.push({ x, num, den: post.reach, w });
      any = true;
    }
    if (present(post.followers) && post.followers > 0) {
      followerRows.push({ x, num, den: post.followers, w });
      any = true;
    }
    if (!any) continue;
    used++;
    for (let j = 0; j < P; j++) {
      means[j] = (means[j] as number) + (x[j] as number);
      if (x[j] !== 0) counts[j] = (counts[j] as number) + 1;
    }
  }
  if (used > 0) for (let j = 0; j < P; j++) means[j] = (means[j] as number) / used;
  else means[0] = 1;
  return {
    version: MODEL_VERSION,
    context: ctx,
    n: used,
    directionOnly: used < MIN_POSTS_FOR_NUMBERS,
    referenceLogFollowers: refLog,
    followersScale,
    currentFollowers: currentFollowers ?? null,
    perReach: reachRows.length > 0 || followerRows.length === 0 ? fitTarget(reachRows, "reach", bench.ratePerReach * scale, followersScale) : null,
    perFollower: followerRows.length > 0 ? fitTarget(followerRows, "followers", bench.ratePerFollower * scale, followersScale) : null,
    columnMeans: Array.from(means),
    columnCounts: Array.from(counts),
  };
}

export interface PredictedRange {
  low: number;
  expected: number;
  high: number;
  denominator: "reach" | "followers";
  /** Posts the model learned from. */
  n: number;
  label: string;
}

export type Band = "among-your-best" | "above-usual" | "typical" | "below-usual" | "direction-only";
const BAND_LABELS: Record<Band, string> = {
  "among-your-best": "Among your best",
  "above-usual": "Above your usual",
  typical: "About your usual",
  "below-usual": "Below your usual",
  "direction-only": "Early days: direction only",
};

export interface Explanation {
  factor: FeatureGroup;
  /** Multiplier against the account's average post; null in direction-only mode. */
  effect: number | null;
  direction: "up" | "down";
  text: string;
}

export interface Suggestion {
  kind: "question" | "callToAction" | "firstPerson" | "link" | "hashtags" | "slot" | "format" | "contentType";
  /** Expected multiplier if followed; null in direction-only mode. */
  gain: number | null;
  /** Posts behind the claim. */
  n: number;
  text: string;
}

export interface DraftScore {
  modelVersion: string;
  directionOnly: boolean;
  /** Posts the model learned from. */
  n: number;
  perReach: PredictedRange | null;
  perFollower: PredictedRange | null;
  /** 0-100 against the predicted values of the account's own posts; null in direction-only mode. */
  score: { value: number; n: number; basis: string } | null;
  band: Band;
  bandLabel: string;
  explanations: Explanation[];
  suggestions: Suggestion[];
}

export interface ScoreOptions {
  /** Used when `scoreDraft` is given a history instead of a trained model. */
  context?: ScorerContext;
  maxExplanations?: number;
}

function draftFeatures(draft: Draft, model: ScorerModel): { input: FeatureInput; caption: CaptionSignals } {
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
  const followers = draft.followers ?? model.currentFollowers;
  return {
    caption,
    input: {
      contentType: draft.contentType ?? null,
      format: draft.format ?? null,
      weekday,
      hour,
      caption,
      hasLink: draft.hasLink ?? null,
      mediaCount: draft.mediaCount ?? null,
      paid: draft.paid ?? null,
      followersLog: followersColumn(followers, model.referenceLogFollowers, model.followersScale),
    },
  };
}

function dot(beta: readonly number[], x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < P; j++) s += (beta[j] as number) * (x[j] as number);
  return s;
}

function range(t: TargetModel, x: Float64Array): PredictedRange {
  const yhat = dot(t.beta, x);
  const back = (v: number) => Math.max(0, Math.exp(v) - t.offset);
  const per = t.denominator === "reach" ? "per person reached" : "per follower";
  return {
    low: back(yhat + t.residualLow),
    expected: back(yhat),
    high: back(yhat + t.residualHigh),
    denominator: t.denominator,
    n: t.n,
    label: `Expected interaction ${per}, 80% range, learned from ${t.n} posts`,
  };
}

const pct = (m: number) => {
  const p = Math.round((m - 1) * 100);
  return p >= 0 ? `about ${p}% more` : `about ${-p}% less`;
};
const times = (m: number) => `${m >= 10 ? Math.round(m) : m.toFixed(1)}x`;
const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;

function describe(group: FeatureGroup, input: FeatureInput, caption: CaptionSignals): string | null {
  switch (group) {
    case "contentType":
      return input.contentType ? `A ${CONTENT_TYPE_LABELS[input.contentType].toLowerCase()} post` : null;
    case "format":
      return input.format ? `The ${FORMAT_LABELS[input.format].toLowerCase()} format` : null;
    case "weekday":
      return input.weekday !== null ? `Posting on ${WEEKDAY_NAMES[input.weekday]}` : null;
    case "hour":
      if (input.hour === null) return null;
      {
        const start = Math.floor(input.hour / HOUR_BLOCK) * HOUR_BLOCK;
        return `Posting between ${hh(start)} and ${hh(start + HOUR_BLOCK)}`;
      }
    case "captionLength":
      return caption.length === 0 ? "No caption" : `A caption of ${caption.length} characters`;
    case "question":
      return caption.hasQuestion ? "Asking a question" : "No question in the caption";
    case "callToAction":
      return caption.hasCallToAction ? "A call to action" : "No call to action";
    case "firstPerson":
      return caption.firstPerson ? "Writing in your own voice (I / we)" : "No first-person voice";
    case "emoji":
      return caption.emojiCount === 1 ? "One emoji" : `${caption.emojiCount} emoji`;
    case "hashtags":
      return caption.hashtagCount === 1 ? "One hashtag" : `${caption.hashtagCount} hashtags`;
    case "mentions":
      return caption.mentionCount === 1 ? "One mention" : `${caption.mentionCount} mentions`;
    case "link":
      return (input.hasLink ?? caption.hasLink) ? "A link in the post" : "No link in the post";
    case "media":
      return input.mediaCount ? `${input.mediaCount} photos or clips` : null;
    case "authenticity":
      if (caption.authenticWords.length > caption.stagedWords.length) return `Everyday wording ("${caption.authenticWords[0]}")`;
      if (caption.stagedWords.length > caption.authenticWords.length) return `Staged, campaign-style wording ("${caption.stagedWords[0]}")`;
      return null;
    case "paid":
      return input.paid ? "A paid boost" : "No paid boost";
    case "followers":
      return "Your follower count at posting time";
    default:
      return null;
  }
}

function explain(t: TargetModel, model: ScorerModel, x: Float64Array, input: FeatureInput, caption: CaptionSignals, max: number): Explanation[] {
  const contrib = new Map<FeatureGroup, number>();
  for (let j = 1; j < P; j++) {
    const g = (COLUMNS[j] as (typeof COLUMNS)[number]).group;
    contrib.set(g, (contrib.get(g) ?? 0) + (t.beta[j] as number) * ((x[j] as number) - (model.columnMeans[j] as number)));
  }
  const out: Explanation[] = [];
  // Evidence per group: the account's posts that had any of the group's columns set.
  const evidence = new Map<FeatureGroup, number>();
  for (let j = 1; j < P; j++) {
    const g = (COLUMNS[j] as (typeof COLUMNS)[number]).group;
    evidence.set(g, Math.max(evidence.get(g) ?? 0, model.columnCounts[j] as number));
  }
  const sorted = [...contrib.entries()]
    .filter(([g, v]) => g !== "followers" && Math.abs(v) >= Math.log(1.03))
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]));
  for (const [group, v] of sorted) {
    const what = describe(group, input, caption);
    if (!what) continue;
    const effect = Math.exp(v);
    const direction = v >= 0 ? "up" : "down";
    const own = !model.directionOnly && (evidence.get(group) ?? 0) >= 3;
    const text = own
      ? `${what}: ${pct(effect)} interaction than your average post.`
      : `${what} ${direction === "up" ? "usually helps" : "usually holds a post back"}${model.directionOnly ? "" : " (not yet seen in your own posts)"}.`;
    out.push({ factor: group, effect: own ? effect : null, direction, text });
    if (out.length >= max) break;
  }
  return out;
}

function suggest(t: TargetModel, model: ScorerModel, x: Float64Array, input: FeatureInput, caption: CaptionSignals): Suggestion[] {
  const b = t.beta;
  const c = model.columnCounts;
  const I = FEATURE_INDEX;
  const list: Suggestion[] = [];
  const numbers = !model.directionOnly;
  // A claim "for you" needs at least 3 of the account's own posts behind it; otherwise the prior speaks, without numbers.
  const add = (kind: Suggestion["kind"], logGain: number, n: number, plain: string, withNumbers: string) => {
    if (!(logGain > Math.log(1.05))) return;
    const gain = Math.exp(logGain);
    const own = numbers && n >= 3;
    list.push({ kind, gain: own ? gain : null, n, text: own ? withNumbers.replace("{x}", times(gain)) : plain });
  };
  if (!caption.hasQuestion) {
    const g = (b[I.question] as number) * (1 - (x[I.question] as number));
    add("question", g, c[I.question] as number, "Ask a question to invite comments.", "Ask a question to invite comments: posts with one do about {x} as well for you.");
  }
  if (!caption.hasCallToAction) {
    add("callToAction", b[I.callToAction] as number, c[I.callToAction] as number, 'Add a call to action, such as "tell us in the comments".', 'Add a call to action, such as "tell us in the comments": about {x} as well for you.');
  }
  if (!caption.firstPerson && caption.length > 0) {
    add("firstPerson", b[I.firstPerson] as number, c[I.firstPerson] as number, "Write in your own voice (I / we): people answer people.", "Write in your own voice (I / we): about {x} as well for you.");
  }
  if ((x[I.link] as number) > 0) {
    add("link", -(b[I.link] as number), c[I.link] as number, "Move the link to your bio or the first comment.", "Move the link to your bio or the first comment: posts without one do {x} as well for you.");
  }
  if (caption.hashtagCount > 5) {
    const fewer = Math.log1p(3) / Math.log(31);
    add("hashtags", (b[I.hashtags] as number) * (fewer - (x[I.hashtags] as number)), c[I.hashtags] as number, "Use three to five focused hashtags instead of many.", "Use three focused hashtags instead of many: about {x} as well for you.");
  }
  if (input.weekday !== null && input.hour !== null) {
    const curBlock = Math.floor(input.hour / HOUR_BLOCK);
    const current = (b[I.weekdayBase + input.weekday] as number) + (b[I.hourBase + curBlock] as number);
    let best = { d: input.weekday, blk: curBlock, v: current };
    for (let d = 0; d < 7; d++) {
      if ((c[I.weekdayBase + d] as number) < 3) continue;
      for (let k = 0; k < 24 / HOUR_BLOCK; k++) {
        if ((c[I.hourBase + k] as number) < 3) continue;
        const v = (b[I.weekdayBase + d] as number) + (b[I.hourBase + k] as number);
        if (v > best.v) best = { d, blk: k, v };
      }
    }
    if (best.v > current) {
      const day = WEEKDAY_NAMES[best.d] ?? "";
      const at = hh(best.blk * HOUR_BLOCK);
      const n = Math.min(c[I.weekdayBase + best.d] as number, c[I.hourBase + best.blk] as number);
      add("slot", best.v - current, n, `Try ${day} around ${at}: that slot tends to do better for you.`, `${day} ${at} does {x} better than this slot for you.`);
    }
  }
  if (input.format) {
    const cur = b[I.formatBase + FORMATS.indexOf(input.format)] as number;
    let bestF: Format | null = null;
    let bestV = cur;
    FORMATS.forEach((f, i) => {
      if (f === "story" || (c[I.formatBase + i] as number) < 3) return;
      const v = b[I.formatBase + i] as number;
      if (v > bestV) {
        bestV = v;
        bestF = f;
      }
    });
    if (bestF) {
      const label = FORMAT_LABELS[bestF as Format].toLowerCase();
      add("format", bestV - cur, c[I.formatBase + FORMATS.indexOf(bestF)] as number, `Consider a ${label}: it tends to do better for you.`, `Consider a ${label}: it does {x} as well as a ${FORMAT_LABELS[input.format].toLowerCase()} for you.`);
    }
  }
  if (input.contentType) {
    const cur = b[I.typeBase + CONTENT_TYPES.indexOf(input.contentType)] as number;
    let bestT: ContentType | null = null;
    let bestV = cur;
    CONTENT_TYPES.forEach((ty, i) => {
      if ((c[I.typeBase + i] as number) < 3) return;
      const v = b[I.typeBase + i] as number;
      if (v > bestV) {
        bestV = v;
        bestT = ty;
      }
    });
    if (bestT) {
      const label = CONTENT_TYPE_LABELS[bestT as ContentType].toLowerCase();
      add("contentType", bestV - cur, c[I.typeBase + CONTENT_TYPES.indexOf(bestT)] as number, `A ${label} post tends to do better for you.`, `${CONTENT_TYPE_LABELS[bestT as ContentType]} posts do {x} as well as ${CONTENT_TYPE_LABELS[input.contentType].toLowerCase()} posts for you.`);
    }
  }
  return list.sort((a, b2) => (b2.gain ?? 0) - (a.gain ?? 0) || a.kind.localeCompare(b2.kind)).slice(0, 3);
}

function band(score: number): Band {
  if (score >= 80) return "among-your-best";
  if (score >= 60) return "above-usual";
  if (score >= 40) return "typical";
  return "below-usual";
}

/**
 * Scores a draft. Pass a trained model (fast path: microseconds) or a history plus
 * `options.context` (trains first). Deterministic: the same inputs give the same output.
 */
export function scoreDraft(draft: Draft, modelOrHistory: ScorerModel | readonly Post[], options: ScoreOptions = {}): DraftScore {
  const model = Array.isArray(modelOrHistory)
    ? trainScorer(modelOrHistory as readonly Post[], options.context ?? { platform: draft.platform ?? "instagram" })
    : (modelOrHistory as ScorerModel);
  const { input, caption } = draftFeatures(draft, model);
  const x = encode(input);
  const primary = model.perReach && model.perReach.n >= (model.perFollower?.n ?? 0) ? model.perReach : (model.perFollower ?? model.perReach);
  const explanations = primary ? explain(primary, model, x, input, caption, options.maxExplanations ?? 5) : [];
  const suggestions = primary ? suggest(primary, model, x, input, caption) : [];
  if (model.directionOnly || !primary) {
    return {
      modelVersion: model.version,
      directionOnly: true,
      n: model.n,
      perReach: null,
      perFollower: null,
      score: null,
      band: "direction-only",
      bandLabel: BAND_LABELS["direction-only"],
      explanations,
      suggestions,
    };
  }
  const value = Math.round(100 * percentileRank(primary.fittedSorted, dot(primary.beta, x)));
  const b = band(value);
  return {
    modelVersion: model.version,
    directionOnly: false,
    n: model.n,
    perReach: model.perReach && model.perReach.n > 0 ? range(model.perReach, x) : null,
    perFollower: model.perFollower && model.perFollower.n > 0 ? range(model.perFollower, x) : null,
    score: { value, n: primary.fittedSorted.length, basis: `ranked against the predicted values of your last ${primary.fittedSorted.length} posts` },
    band: b,
    bandLabel: BAND_LABELS[b],
    explanations,
    suggestions,
  };
}

/** The expected outcome count for a draft (rate x followers), used by the evaluation. */
export function predictCount(draft: Draft, model: ScorerModel): number | null {
  const { input } = draftFeatures(draft, model);
  const t = model.perFollower;
  const followers = draft.followers ?? model.currentFollowers;
  if (!t || !followers) return null;
  return Math.max(0, Math.exp(dot(t.beta, encode(input))) - t.offset) * followers;
}

export { COLUMNS as SCORER_COLUMNS };
