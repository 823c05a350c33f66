/**
 * The account's current level: a trailing median over its recent posts, so the scorer follows an
 * account whose reach or rate drifts instead of averaging its whole history. One sorted window slid
 * along the series (binary-search insert and remove), linear in the number of posts for a fixed window.
 */

/** Windows tried, in posts; the longest stands for "the whole history" on most accounts. */
export const LEVEL_WINDOWS = [5, 10, 20, 40, 80, 160, 320] as const;

/** Weight of the prior level, in posts: a new account leans on it, ten posts in it hardly matters. */
export const PRIOR_LEVEL_WEIGHT = 2;

function lowerBound(sorted: Float64Array, size: number, v: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function medianOf(sorted: Float64Array, size: number): number {
  const h = size >>> 1;
  return size % 2 === 1
    ? (sorted[h] as number)
    : ((sorted[h - 1] as number) + (sorted[h] as number)) / 2;
}

/** Blends a window's median with the prior level by their weights (posts). */
function blend(med: number, size: number, prior: number | null): number {
  if (prior === null) return med;
  return (size * med + PRIOR_LEVEL_WEIGHT * prior) / (size + PRIOR_LEVEL_WEIGHT);
}

/**
 * `levels[i]` = the level known just before post i (median of values[i-window..i-1], blended with the
 * prior); `levels[n]` = the level now, for the next post. `prior` null: no prior (NaN before any post).
 * With `from`, only levels from that post on are computed (the ones before are NaN): validation reads
 * just the newest posts.
 */
export function trailingLevels(
  values: Float64Array,
  window: number,
  prior: number | null,
  from = 0,
): Float64Array {
  const n = values.length;
  const out = new Float64Array(n + 1);
  const sorted = new Float64Array(Math.max(1, window));
  let size = 0;
  const start = Math.max(0, from - window);
  if (start > 0) out.fill(Number.NaN, 0, start);
  for (let i = start; i <= n; i++) {
    out[i] =
      i < from
        ? Number.NaN
        : size === 0
          ? (prior ?? Number.NaN)
          : blend(medianOf(sorted, size), size, prior);
    if (i === n) break;
    if (size === window) {
      const old = values[i - window] as number;
      const at = lowerBound(sorted, size, old);
      sorted.copyWithin(at, at + 1, size);
      size--;
    }
    const v = values[i] as number;
    const at = lowerBound(sorted, size, v);
    sorted.copyWithin(at + 1, at, size);
    sorted[at] = v;
    size++;
  }
  return out;
}

/**
 * Posts behind the long-run level: the whole history on most accounts, bounded so that training stays
 * linear in the number of posts.
 */
export const LONG_RUN_WINDOW = 1000;

/** Persistence of the trailing level's gap to the long-run level, per post ahead; 1 keeps the gap forever. */
export const PHIS = [1, 0.995, 0.99, 0.98, 0.97, 0.95, 0.9, 0.8, 0.6, 0.3, 0] as const;

/**
 * The level expected `h` posts ahead: the trailing level's gap to the long-run level decays by `phi` per
 * post (a mean-reverting AR(1) on the level), so a draft planned far ahead leans on the long run and the
 * next post on the recent posts, as far as the account's own history has shown each to hold.
 */
export function levelAhead(longRun: number, level: number, phi: number, h: number): number {
  return longRun + (level - longRun) * Math.pow(phi, Math.max(0, h));
}

export interface LevelChoice {
  window: number;
  phi: number;
  /** Each window's mean absolute one-step-ahead error (phi = 1). */
  windowErrors: { window: number; mae: number }[];
  /** Out-of-sample residuals of the chosen forecast, per horizon (only horizons with `minResiduals`). */
  residuals: { h: number; res: Float64Array }[];
}

/**
 * Chooses the trailing window and phi by h-step-ahead error on the validation posts `[from, n)` of the
 * de-effected series `r`: each validation post i against the forecast made at origin i - h + 1 (the
 * levels known just before that post), for every horizon with at least `minResiduals` such pairs,
 * weighted equally (the horizons are spaced evenly on a log scale: the next post for the editor and the
 * online use, many posts ahead for a draft planned late or a model not retrained for a while).
 */
export function chooseLevel(
  r: Float64Array,
  from: number,
  prior: number | null,
  windows: readonly number[],
  horizons: readonly number[],
  minResiduals: number,
): LevelChoice {
  const n = r.length;
  const maxH = horizons.at(-1) as number;
  const start = Math.max(0, from - maxH);
  const long = trailingLevels(r, LONG_RUN_WINDOW, prior, start);
  const hs = horizons.filter((h) => {
    let m = 0;
    for (let i = from; i < n; i++) if (i - h + 1 >= 1) m++;
    return m >= minResiduals;
  });
  // The window defines the current level: chosen by one-step-ahead error, the level's own job.
  let window = windows[0] as number;
  let bestOne = Infinity;
  let lv: Float64Array | null = null;
  const windowErrors: LevelChoice["windowErrors"] = [];
  for (const w of windows) {
    if (w > from * 2) break;
    const levels = trailingLevels(r, w, prior, start);
    let err = 0;
    for (let i = from; i < n; i++) err += Math.abs((r[i] as number) - (levels[i] as number));
    const mae = err / (n - from);
    windowErrors.push({ window: w, mae });
    if (mae < bestOne - 1e-12) {
      bestOne = mae;
      window = w;
      lv = levels;
    }
  }
  // Then how fast its gap to the long run closes: phi by the mean over horizons of the h-step error.
  let phi = 1;
  let bestPhi = Infinity;
  if (lv)
    for (const candidate of PHIS) {
      let total = 0;
      for (const h of hs) {
        const decay = Math.pow(candidate, h);
        let err = 0;
        let m = 0;
        for (let i = from; i < n; i++) {
          const o = i - h + 1;
          if (o < 1) continue;
          const lr = long[o] as number;
          const f = lr + ((lv[o] as number) - lr) * decay;
          if (!Number.isFinite(f)) continue;
          err += Math.abs((r[i] as number) - f);
          m++;
        }
        total += m > 0 ? err / m : 0;
      }
      const mae = hs.length > 0 ? total / hs.length : Infinity;
      if (mae < bestPhi - 1e-12) {
        bestPhi = mae;
        phi = candidate;
      }
    }
  const residuals: LevelChoice["residuals"] = [];
  if (lv)
    for (const h of hs) {
      const res: number[] = [];
      const decay = Math.pow(phi, h);
      for (let i = from; i < n; i++) {
        const o = i - h + 1;
        if (o < 1) continue;
        const lr = long[o] as number;
        const f = lr + ((lv[o] as number) - lr) * decay;
        if (Number.isFinite(f)) res.push((r[i] as number) - f);
      }
      residuals.push({ h, res: Float64Array.from(res) });
    }
  return { window, phi, windowErrors, residuals };
}
