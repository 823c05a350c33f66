/**
 * Closed-form ridge regression fitted toward a prior vector, with the penalty chosen by exact
 * leave-one-out error on the training rows only (never on held-out data).
 */
import { cholesky, choleskySolve } from "../stats/linear-algebra";

export interface RidgeFit {
  beta: Float64Array;
  lambda: number;
  /** Leave-one-out root mean squared error at the chosen lambda (null without rows). */
  looRmse: number | null;
  fitted: Float64Array;
  residuals: Float64Array;
}

export interface RidgeOptions {
  lambdas?: readonly number[];
  /** Penalty on the intercept (column 0), in posts' worth of pull toward its prior. */
  interceptPenalty?: number;
  /** Rows used for the leave-one-out estimate when there are many (deterministic stride). */
  looSample?: number;
  /** Row weights (e.g. recency); default 1 each. */
  weights?: Float64Array;
}

export const DEFAULT_LAMBDAS = [0.3, 1, 3, 10, 30, 100] as const;

/** `x` is row-major n x p. Minimises |y - X b|^2 + sum_j pen_j (b_j - prior_j)^2. */
export function fitRidge(x: Float64Array, y: Float64Array, n: number, p: number, prior: Float64Array, options: RidgeOptions = {}): RidgeFit {
  const lambdas = options.lambdas ?? DEFAULT_LAMBDAS;
  const interceptPenalty = options.interceptPenalty ?? 2;
  const looSample = options.looSample ?? 2000;
  const w = options.weights;
  const g = new Float64Array(p * p);
  const b = new Float64Array(p);
  // Rows are sparse (one-hot groups, many zero counts): accumulate over non-zero columns only.
  const nz = new Int32Array(p);
  for (let i = 0; i < n; i++) {
    const off = i * p;
    const wi = w ? (w[i] as number) : 1;
    const yi = (y[i] as number) * wi;
    let m = 0;
    for (let j = 0; j < p; j++) if (x[off + j] !== 0) nz[m++] = j;
    for (let a = 0; a < m; a++) {
      const j = nz[a] as number;
      const wxj = (x[off + j] as number) * wi;
      b[j] = (b[j] as number) + (x[off + j] as number) * yi;
      const row = j * p;
      for (let c = a; c < m; c++) {
        const k = nz[c] as number;
        g[row + k] = (g[row + k] as number) + wxj * (x[off + k] as number);
      }
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) g[j * p + k] = g[k * p + j] as number;

  const stride = Math.max(1, Math.floor(n / looSample));
  let best: { beta: Float64Array; lambda: number; loo: number | null } | null = null;
  const a = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  const z = new Float64Array(p);
  for (const lambda of n > 0 ? lambdas : [10]) {
    a.set(g);
    rhs.set(b);
    for (let j = 0; j < p; j++) {
      const pen = j === 0 ? interceptPenalty : lambda;
      a[j * p + j] = (a[j * p + j] as number) + pen;
      rhs[j] = (rhs[j] as number) + pen * (prior[j] as number);
    }
    const l = cholesky(a, p);
    if (!l) continue;
    const beta = choleskySolve(l, p, rhs);
    let loo: number | null = null;
    if (n > 0) {
      let ss = 0;
      let m = 0;
      for (let i = 0; i < n; i += stride) {
        const off = i * p;
        // h_ii = x_i' A^-1 x_i = |L^-1 x_i|^2 (forward substitution only).
        let h = 0;
        let pred = 0;
        for (let r = 0; r < p; r++) {
          let sum = x[off + r] as number;
          pred += sum * (beta[r] as number);
          for (let k = 0; k < r; k++) sum -= (l[r * p + k] as number) * (z[k] as number);
          const zr = sum / (l[r * p + r] as number);
          z[r] = zr;
          h += zr * zr;
        }
        const wi = w ? (w[i] as number) : 1;
        const e = ((y[i] as number) - pred) / Math.max(1e-9, 1 - wi * h);
        ss += wi * e * e;
        m += wi;
      }
      loo = Math.sqrt(ss / m);
    }
    if (!best || (loo !== null && best.loo !== null && loo < best.loo)) best = { beta, lambda, loo };
  }
  const beta = best ? best.beta : Float64Array.from(prior);
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += (x[i * p + j] as number) * (beta[j] as number);
    fitted[i] = s;
    residuals[i] = (y[i] as number) - s;
  }
  return { beta, lambda: best ? best.lambda : 10, looRmse: best ? best.loo : null, fitted, residuals };
}
