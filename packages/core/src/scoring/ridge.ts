/**
 * Closed-form ridge regression fitted toward a prior vector. The Gram matrix, its Cholesky factors
 * and the leverages are built once per design and reused for every target the scorer fits on it
 * (rate, denominator, each backfitting pass), so training stays linear in the number of posts.
 * The penalty is chosen by exact leave-one-out error on the training rows only.
 */
import { cholesky, choleskySolve } from "../stats/linear-algebra";

export const DEFAULT_LAMBDAS = [0.3, 1, 3, 10, 30, 100] as const;

export interface RidgeOptions {
  lambdas?: readonly number[];
  /** Rows used for the leave-one-out estimate when there are many (deterministic stride). */
  looSample?: number;
  /** Row weights; default 1 each. */
  weights?: Float64Array;
}

export interface RidgeSolution {
  beta: Float64Array;
  lambda: number;
  /** Leave-one-out root mean squared error at the chosen lambda (null without rows). */
  looRmse: number | null;
}

interface Factor {
  lambda: number;
  l: Float64Array;
  /** Leverage h_ii of each sampled row. */
  leverage: Float64Array;
}

/** One design matrix (row-major n x p, optionally a prefix of rows) ready to be solved for many targets. */
export class RidgeSystem {
  readonly n: number;
  readonly p: number;
  private readonly x: Float64Array;
  private readonly w: Float64Array | undefined;
  private readonly factors: Factor[] = [];
  private readonly sample: Int32Array;

  constructor(x: Float64Array, n: number, p: number, options: RidgeOptions = {}) {
    this.x = x;
    this.n = n;
    this.p = p;
    this.w = options.weights;
    const lambdas = n > 0 ? (options.lambdas ?? DEFAULT_LAMBDAS) : [10];
    const g = new Float64Array(p * p);
    // Rows are sparse (one-hot groups, many zero counts): accumulate over non-zero columns only.
    const nz = new Int32Array(p);
    for (let i = 0; i < n; i++) {
      const off = i * p;
      const wi = this.w ? (this.w[i] as number) : 1;
      let m = 0;
      for (let j = 0; j < p; j++) if (x[off + j] !== 0) nz[m++] = j;
      for (let a = 0; a < m; a++) {
        const j = nz[a] as number;
        const wxj = (x[off + j] as number) * wi;
        const row = j * p;
        for (let c = a; c < m; c++) {
          const k = nz[c] as number;
          g[row + k] = (g[row + k] as number) + wxj * (x[off + k] as number);
        }
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) g[j * p + k] = g[k * p + j] as number;
    const stride = Math.max(1, Math.floor(n / (options.looSample ?? 600)));
    const rows: number[] = [];
    for (let i = 0; i < n; i += stride) rows.push(i);
    this.sample = Int32Array.from(rows);
    const a = new Float64Array(p * p);
    const z = new Float64Array(p);
    for (const lambda of lambdas) {
      a.set(g);
      for (let j = 0; j < p; j++) a[j * p + j] = (a[j * p + j] as number) + lambda;
      const l = cholesky(a, p);
      if (!l) continue;
      const leverage = new Float64Array(this.sample.length);
      this.sample.forEach((i, s) => {
        const off = i * p;
        // h_ii = w_i x_i' A^-1 x_i = w_i |L^-1 x_i|^2 (forward substitution only).
        let h = 0;
        for (let r = 0; r < p; r++) {
          let sum = x[off + r] as number;
          for (let k = 0; k < r; k++) sum -= (l[r * p + k] as number) * (z[k] as number);
          const zr = sum / (l[r * p + r] as number);
          z[r] = zr;
          h += zr * zr;
        }
        leverage[s] = h * (this.w ? (this.w[i] as number) : 1);
      });
      this.factors.push({ lambda, l, leverage });
    }
  }

  /** X' W y over the system's rows. */
  private xty(y: Float64Array): Float64Array {
    const { p, n, x } = this;
    const b = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const yi = (y[i] as number) * (this.w ? (this.w[i] as number) : 1);
      if (yi === 0) continue;
      const off = i * p;
      for (let j = 0; j < p; j++) {
        const v = x[off + j] as number;
        if (v !== 0) b[j] = (b[j] as number) + v * yi;
      }
    }
    return b;
  }

  /** Minimises |y - X b|^2_W + lambda |b - prior|^2; `lambda` fixed, or chosen by leave-one-out error. */
  solve(y: Float64Array, prior: Float64Array, lambda?: number): RidgeSolution {
    const { p, x } = this;
    const b = this.xty(y);
    let best: RidgeSolution | null = null;
    for (const f of this.factors) {
      if (lambda !== undefined && f.lambda !== lambda) continue;
      const rhs = new Float64Array(p);
      for (let j = 0; j < p; j++) rhs[j] = (b[j] as number) + f.lambda * (prior[j] as number);
      const beta = choleskySolve(f.l, p, rhs);
      let loo: number | null = null;
      if (this.n > 0) {
        let ss = 0;
        let m = 0;
        this.sample.forEach((i, s) => {
          let pred = 0;
          const off = i * p;
          for (let j = 0; j < p; j++) pred += (x[off + j] as number) * (beta[j] as number);
          const e = ((y[i] as number) - pred) / Math.max(1e-9, 1 - (f.leverage[s] as number));
          const wi = this.w ? (this.w[i] as number) : 1;
          ss += wi * e * e;
          m += wi;
        });
        loo = m > 0 ? Math.sqrt(ss / m) : null;
      }
      if (!best || (loo !== null && best.looRmse !== null && loo < best.looRmse))
        best = { beta, lambda: f.lambda, looRmse: loo };
    }
    return best ?? { beta: Float64Array.from(prior), lambda: lambda ?? 10, looRmse: null };
  }
}

/** x_i . beta for row i of a row-major matrix. */
export function rowDot(x: Float64Array, i: number, p: number, beta: ArrayLike<number>): number {
  let s = 0;
  const off = i * p;
  for (let j = 0; j < p; j++) {
    const v = x[off + j] as number;
    if (v !== 0) s += v * (beta[j] as number);
  }
  return s;
}
