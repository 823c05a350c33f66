/**
 * Group effects against a baseline on the log scale, shrunk toward the baseline by sample size
 * (empirical Bayes, normal-normal), with 95% intervals. Content-type lift and the timing heatmap
 * both use it, so "tentative" means the same thing everywhere.
 *
 * Intervals are a seeded percentile bootstrap for groups up to `bootstrapUpTo` posts (500 by
 * default). Above that the mean's sampling distribution is normal to well within the bootstrap's
 * own Monte Carlo noise (the test compares both), and 1,000 resamples of 100,000 posts would cost
 * seconds, so the interval is the normal one: shrunk effect +- 1.96 x shrink weight x standard error.
 */
import { mean, quantileSorted, variance } from "./descriptive";
import { createRandom } from "./random";

export type EvidenceState = "not-enough-posts" | "tentative" | "normal";

/** < 3 posts: not enough; 3-9: tentative; >= 10: normal. */
export function evidenceState(n: number): EvidenceState {
  if (n < 3) return "not-enough-posts";
  if (n < 10) return "tentative";
  return "normal";
}

export interface LiftInterval {
  low: number;
  high: number;
  level: 0.95;
  /** "bootstrap" (percentile, `resamples` draws) or "normal" (large groups; `resamples` is 0). */
  method: "bootstrap" | "normal";
  resamples: number;
}

export interface GroupEffect<K extends string> {
  key: K;
  n: number;
  /** exp(group mean - baseline) before shrinkage; null with no posts. */
  rawLift: number | null;
  /** After shrinkage toward 1x. */
  lift: number;
  /** Weight given to the group's own data (0 = all baseline, 1 = all data). */
  shrinkWeight: number;
  /** 95% interval of the shrunk lift; null below 3 posts. */
  interval: LiftInterval | null;
  state: EvidenceState;
}

export interface GroupEffectsOptions {
  seed?: number;
  resamples?: number;
  /** Largest group that gets a bootstrap interval; larger groups get the normal interval. */
  bootstrapUpTo?: number;
  /** Floor on the between-group variance so one noisy estimate cannot collapse every group to 1x. */
  minTau2?: number;
}

export interface GroupEffectsResult<K extends string> {
  baseline: number | null;
  n: number;
  tau2: number;
  sigma2: number;
  groups: GroupEffect<K>[];
}

/** Shrunk estimate: w * raw + (1 - w) * prior, w = tau2 / (tau2 + sigma2 / n). */
export function shrinkWeight(n: number, sigma2: number, tau2: number): number {
  if (n <= 0) return 0;
  if (sigma2 <= 0) return 1;
  return tau2 / (tau2 + sigma2 / n);
}

/**
 * `values` are log-scale outcomes, `keys` the group of each. Baseline is the account mean over all
 * values. Groups listed in `allKeys` with no posts still appear (state "not-enough-posts").
 */
export function groupEffects<K extends string>(
  values: readonly number[],
  keys: readonly K[],
  allKeys: readonly K[],
  options: GroupEffectsOptions = {},
): GroupEffectsResult<K> {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 20161;
  const minTau2 = options.minTau2 ?? 0.01;
  const bootstrapUpTo = options.bootstrapUpTo ?? 500;
  const baseline = mean(values);
  const byKey = new Map<K, number[]>();
  for (const k of allKeys) byKey.set(k, []);
  for (let i = 0; i < values.length; i++) {
    const k = keys[i] as K;
    const v = values[i] as number;
    let list = byKey.get(k);
    if (!list) {
      list = [];
      byKey.set(k, list);
    }
    list.push(v);
  }
  if (baseline === null) {
    return {
      baseline: null,
      n: 0,
      tau2: minTau2,
      sigma2: 0,
      groups: [...byKey.keys()].map((key) => ({
        key,
        n: 0,
        rawLift: null,
        lift: 1,
        shrinkWeight: 0,
        interval: null,
        state: "not-enough-posts",
      })),
    };
  }
  // Pooled within-group variance (sigma2) and method-of-moments between-group variance (tau2).
  let ssWithin = 0;
  let dfWithin = 0;
  const deviations: number[] = [];
  const samplingVars: number[] = [];
  for (const list of byKey.values()) {
    if (list.length === 0) continue;
    const m = mean(list) as number;
    for (const v of list) ssWithin += (v - m) * (v - m);
    dfWithin += list.length - 1;
  }
  const sigma2 = dfWithin > 0 ? ssWithin / dfWithin : (variance(values) ?? 0);
  for (const list of byKey.values()) {
    if (list.length === 0) continue;
    deviations.push((mean(list) as number) - baseline);
    samplingVars.push(sigma2 / list.length);
  }
  const spread = variance(deviations);
  const tau2 = Math.max(minTau2, spread === null ? minTau2 : spread - (mean(samplingVars) ?? 0));

  const random = createRandom(seed);
  const groups: GroupEffect<K>[] = [];
  for (const [key, list] of byKey) {
    const n = list.length;
    const state = evidenceState(n);
    if (n === 0) {
      groups.push({ key, n, rawLift: null, lift: 1, shrinkWeight: 0, interval: null, state });
      continue;
    }
    const raw = (mean(list) as number) - baseline;
    const w = shrinkWeight(n, sigma2, tau2);
    let interval: GroupEffect<K>["interval"] = null;
    if (n >= 3 && n > bootstrapUpTo) {
      const groupMean = mean(list) as number;
      let ss = 0;
      for (const v of list) ss += (v - groupMean) * (v - groupMean);
      const halfWidth = 1.959964 * w * Math.sqrt(ss / (n - 1) / n);
      interval = { low: Math.exp(w * raw - halfWidth), high: Math.exp(w * raw + halfWidth), level: 0.95, method: "normal", resamples: 0 };
    } else if (n >= 3 && resamples > 0) {
      const draws = new Float64Array(resamples);
      for (let b = 0; b < resamples; b++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += list[Math.floor(random() * n)] as number;
        draws[b] = w * (sum / n - baseline);
      }
      draws.sort();
      const sorted = Array.from(draws);
      interval = {
        low: Math.exp(quantileSorted(sorted, 0.025) as number),
        high: Math.exp(quantileSorted(sorted, 0.975) as number),
        level: 0.95,
        method: "bootstrap",
        resamples,
      };
    }
    groups.push({ key, n, rawLift: Math.exp(raw), lift: Math.exp(w * raw), shrinkWeight: w, interval, state });
  }
  return { baseline, n: values.length, tau2, sigma2, groups };
}
