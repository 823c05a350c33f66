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
