/**
 * The evaluation's methods and protocols: the scorer and four baselines, each predicting a post's
 * count from what was known before it. Static: everything trained once on the training posts.
 * Online: retrained before each test post on every post before it (as the app does when new
 * metrics arrive).
 */
import type { Post } from "../src/index";
import { median, predictCountRange, slotTiming, trainScorer } from "../src/index";

export type Target = {
  key: "interactions" | "clicks";
  name: string;
  truth: (p: Post) => number | null;
};

export const METHODS = ["model", "globalMedian", "perTypeMedian", "rolling20", "ewma"] as const;
export type Method = (typeof METHODS)[number];
export const BASELINES = METHODS.filter((m) => m !== "model");
export const METHOD_LABEL: Record<Method, string> = {
  model: "Rapport scorer (level + effects)",
  globalMedian: "Baseline: median of all training posts",
  perTypeMedian: "Baseline: median of the same post type (Photo/Status/Link/Video)",
  rolling20: "Baseline: median of the previous 20 posts",
  ewma: "Baseline: exponentially weighted mean of log(y + 1), half-life 10 posts",
};

/** Half-life of the exponentially weighted baseline: a common default, fixed before looking at any data. */
const EWMA_HALF_LIFE = 10;

/** Training rows need the outcome the model learns to equal the reported truth (a few rows miss a part). */
function trainable(p: Post, t: Target): boolean {
  const y = t.truth(p);
  if (y === null) return false;
  if (t.key === "clicks") return true;
  const parts = [p.likes, p.comments, p.shares];
  return (
    parts.every((v) => typeof v === "number") &&
    (parts as number[]).reduce((a, b) => a + b, 0) === y
  );
}

/** Only what is known before publishing: type, category, weekday, hour, paid, page likes. */
function draftOf(p: Post) {
  return {
    contentType: p.contentType,
    format: p.format,
    slot: p.slot,
    hasLink: p.hasLink,
    paid: p.paid,
    followers: p.followers,
  };
}

export interface Prediction {
  pred: Record<Method, number>;
  low: number;
  high: number;
}

/** The scorer and the baselines, from the posts before (`train`, in time order), for each test post. */
export function predictFrom(
  train: readonly Post[],
  test: readonly Post[],
  t: Target,
  horizon = (i: number) => i + 1,
): Prediction[] {
  const rows = train.filter((p) => trainable(p, t));
  const timing = slotTiming(rows, { timeZone: "UTC" });
  const model = trainScorer(rows, {
    platform: "facebook",
    accountKind: "brand",
    timeZone: "UTC",
    outcome: t.key,
    timing,
  });
  const ys = rows.map((p) => t.truth(p) as number);
  const global = median(ys) ?? 0;
  const byType = new Map<string, number[]>();
  rows.forEach((p, i) => {
    const k = p.extra?.type ?? "";
    byType.set(k, [...(byType.get(k) ?? []), ys[i] as number]);
  });
  const rolling = median(ys.slice(-20)) ?? global;
  const a = 1 - Math.pow(0.5, 1 / EWMA_HALF_LIFE);
  let ew: number | null = null;
  for (const y of ys) ew = ew === null ? Math.log(y + 1) : ew + a * (Math.log(y + 1) - ew);
  const ewma = ew === null ? global : Math.exp(ew) - 1;
  return test.map((p, i) => {
    const r = predictCountRange(draftOf(p), model, horizon(i));
    return {
      pred: {
        model: r?.expected ?? global,
        globalMedian: global,
        perTypeMedian: median(byType.get(p.extra?.type ?? "") ?? []) ?? global,
        rolling20: rolling,
        ewma,
      },
      low: r?.low ?? global,
      high: r?.high ?? global,
    };
  });
}

/** Static time split: train on `posts[0..cut)`, predict `posts[cut..)`. */
export function staticSplit(posts: readonly Post[], cut: number, t: Target) {
  const test = posts.slice(cut).filter((p) => t.truth(p) !== null);
  return { test, preds: predictFrom(posts.slice(0, cut), test, t) };
}

/** Online: each test post predicted from every post before it. */
export function online(posts: readonly Post[], cut: number, t: Target) {
  const test: Post[] = [];
  const preds: Prediction[] = [];
  for (let i = cut; i < posts.length; i++) {
    const p = posts[i] as Post;
    if (t.truth(p) === null) continue;
    test.push(p);
    preds.push(...predictFrom(posts.slice(0, i), [p], t, () => 1));
  }
  return { test, preds };
}
