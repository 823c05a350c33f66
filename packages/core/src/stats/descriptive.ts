/** Robust descriptive statistics. Empty input gives null (not enough data), never NaN. */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample variance (n - 1); null below two values. */
export function variance(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values) as number;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (values.length - 1);
}

/** Quantile with linear interpolation (type 7) on an already sorted array. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function quantile(values: readonly number[], p: number): number | null {
  return quantileSorted(sortNumbers(values), p);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

export function sortNumbers(values: readonly number[]): number[] {
  return Array.from(Float64Array.from(values).sort());
}

/** Median absolute deviation (unscaled). */
export function mad(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * Modified z-scores (Iglewicz and Hoaglin): 0.6745 (x - median) / MAD. When the MAD is zero the
 * mean absolute deviation stands in (scaled by 0.7979), so a flat series with one jump still flags it.
 */
export function modifiedZScores(values: readonly number[]): number[] {
  const m = median(values);
  if (m === null) return [];
  const madValue = mad(values) as number;
  if (madValue > 0) return values.map((v) => (0.6745 * (v - m)) / madValue);
  const meanAbs = (mean(values.map((v) => Math.abs(v - m))) as number) || 0;
  if (meanAbs === 0) return values.map(() => 0);
  return values.map((v) => (v - m) / (1.253314 * meanAbs));
}

/** Binary search: the share of sorted values strictly below x plus half of those equal (mid-rank). */
export function percentileRank(sorted: readonly number[], x: number): number {
  const n = sorted.length;
  if (n === 0) return 0.5;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  let eq = lo;
  while (eq < n && sorted[eq] === x) eq++;
  return (lo + (eq - lo) / 2) / n;
}

/** Ranks with ties averaged (1-based). */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[(order[k] as readonly [number, number])[1]] = r;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation; null when either side is constant or fewer than 3 pairs. */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length < 3) return null;
  return pearson(ranks(a), ranks(b));
}

export function pearson(a: readonly number[], b: readonly number[]): number | null {
  const ma = mean(a);
  const mb = mean(b);
  if (ma === null || mb === null || a.length !== b.length) return null;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return null;
  return sab / Math.sqrt(saa * sbb);
}
