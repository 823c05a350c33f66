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
  /** X' W X when already known (a re-weighting of another system). */
  gram?: Float64Array;
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
  private readonly gram: Float64Array;

  constructor(x: Float64Array, n: number, p: number, options: RidgeOptions = {}) {
    this.x = x;
    this.n = n;
    this.p = p;
    const w = options.weights;
    this.w = w;
    const lambdas = n > 0 ? (options.lambdas ?? DEFAULT_LAMBDAS) : [10];
    const g = options.gram ?? new Float64Array(p * p);
    this.gram = g;
    // Rows are sparse (one-hot groups, many zero counts): accumulate over non-zero columns only.
    const nz = new Int32Array(p);
    const nv = new Float64Array(p);
    for (let i = 0; i < (options.gram ? 0 : n); i++) {
      const off = i * p;
      const wi = w ? (w[i] as number) : 1;
      let m = 0;
      for (let j = 0; j < p; j++) {
        const v = x[off + j] as number;
        if (v !== 0) {
          nz[m] = j;
          nv[m] = v;
          m++;
        }
      }
      for (let a = 0; a < m; a++) {
        const row = (nz[a] as number) * p;
        const wxj = (nv[a] as number) * wi;
        for (let c = a; c < m; c++) {
          const k = row + (nz[c] as number);
          g[k] = (g[k] as number) + wxj * (nv[c] as number);
        }
      }
    }
    if (!options.gram)
      for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) g[j * p + k] = g[k * p + j] as number;
    // Leverages are needed only to choose among several penalties.
    const stride = Math.max(1, Math.floor(n / (options.looSample ?? 600)));
    const sampled = lambdas.length > 1 ? Math.ceil(n / stride) : 0;
    this.sample = new Int32Array(sampled);
    for (let s = 0; s < sampled; s++) this.sample[s] = s * stride;
    const a = new Float64Array(p * p);
    const z = new Float64Array(p);
    for (const lambda of lambdas) {
      a.set(g);
      for (let j = 0; j < p; j++) a[j * p + j] = (a[j * p + j] as number) + lambda;
      const l = cholesky(a, p);
      if (!l) continue;
      const leverage = new Float64Array(sampled);
      for (let s = 0; s < sampled; s++) {
        const i = this.sample[s] as number;
        const off = i * p;
        // h_ii = w_i x_i' A^-1 x_i = w_i |L^-1 x_i|^2 (forward substitution only).
        let h = 0;
        for (let r = 0; r < p; r++) {
          let sum = x[off + r] as number;
          const lr = r * p;
          for (let k = 0; k < r; k++) sum -= (l[lr + k] as number) * (z[k] as number);
          const zr = sum / (l[lr + r] as number);
          z[r] = zr;
          h += zr * zr;
        }
        leverage[s] = h * (w ? (w[i] as number) : 1);
      }
      this.factors.push({ lambda, l, leverage });
    }
  }

  /**
   * The same design restricted to its first `m` rows, its Gram matrix obtained by subtracting the
   * remaining rows' (cheaper than summing the first m again when m is most of them).
   */
  prefix(m: number, options: Pick<RidgeOptions, "lambdas" | "looSample"> = {}): RidgeSystem {
    if (this.w) throw new Error("prefix() starts from an unweighted system");
    const { p, x } = this;
    const g = Float64Array.from(this.gram);
    for (let i = m; i < this.n; i++) addOuter(g, x, i * p, p, -1);
    return new RidgeSystem(x, m, p, { ...options, gram: g });
  }

  /**
   * The same rows with weights (Huber passes): most weights stay 1, so the unweighted Gram matrix is
   * corrected for the down-weighted rows only instead of being summed again.
   */
  reweighted(weights: Float64Array, lambda: number): RidgeSystem {
    if (this.w) throw new Error("reweighted() starts from an unweighted system");
    const { p, x } = this;
    const g = Float64Array.from(this.gram);
    for (let i = 0; i < this.n; i++) {
      const d = 1 - (weights[i] as number);
      if (d !== 0) addOuter(g, x, i * p, p, -d);
    }
    return new RidgeSystem(x, this.n, p, { weights, lambdas: [lambda], gram: g });
  }

  /** X' W y over the system's rows. */
  private xty(y: Float64Array): Float64Array {
    const { p, n, x, w } = this;
    const b = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const yi = (y[i] as number) * (w ? (w[i] as number) : 1);
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
    const { p, x, w } = this;
    const b = this.xty(y);
    let best: RidgeSolution | null = null;
    const choose = lambda === undefined && this.factors.length > 1;
    for (const f of this.factors) {
      if (lambda !== undefined && this.factors.length > 1 && f.lambda !== lambda) continue;
      const rhs = new Float64Array(p);
      for (let j = 0; j < p; j++) rhs[j] = (b[j] as number) + f.lambda * (prior[j] as number);
      const beta = choleskySolve(f.l, p, rhs);
      let loo: number | null = null;
      if (choose && this.n > 0) {
        let ss = 0;
        let m = 0;
        for (let s = 0; s < this.sample.length; s++) {
          const i = this.sample[s] as number;
          const e =
            ((y[i] as number) - rowDot(x, i, p, beta)) /
            Math.max(1e-9, 1 - (f.leverage[s] as number));
          const wi = w ? (w[i] as number) : 1;
          ss += wi * e * e;
          m += wi;
        }
        loo = m > 0 ? Math.sqrt(ss / m) : null;
      }
      if (!best || (loo !== null && best.looRmse !== null && loo < best.looRmse))
        best = { beta, lambda: f.lambda, looRmse: loo };
      if (!choose) break;
    }
    return best ?? { beta: Float64Array.from(prior), lambda: lambda ?? 10, looRmse: null };
  }
}

const NZ = new Int32Array(256);
const NV = new Float64Array(256);

/** g += c x_i x_i' over the row's non-zero columns (both triangles). */
function addOuter(g: Float64Array, x: Float64Array, off: number, p: number, c: number): void {
  if (p > NZ.length) throw new Error(`at most ${NZ.length} feature columns`);
  let m = 0;
  for (let j = 0; j < p; j++) {
    const v = x[off + j] as number;
    if (v !== 0) {
      NZ[m] = j;
      NV[m] = v;
      m++;
    }
  }
  for (let a = 0; a < m; a++) {
    const row = (NZ[a] as number) * p;
    const ca = c * (NV[a] as number);
    for (let b = 0; b < m; b++) {
      const k = row + (NZ[b] as number);
      g[k] = (g[k] as number) + ca * (NV[b] as number);
    }
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
