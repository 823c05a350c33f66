/** Accuracy measures for count predictions, as reported in EVAL.md. */
import { median, spearman } from "../src/stats/descriptive";

export interface Accuracy {
  n: number;
  mdape: number | null;
  mape: number | null;
  male: number;
  spearman: number | null;
  within2x: number;
}

/** APE-based measures use rows with y > 0 (APE is undefined at 0); the others use every row. */
export function accuracy(pred: readonly number[], truth: readonly number[]): Accuracy {
  const apes: number[] = [];
  let logErr = 0;
  let within = 0;
  truth.forEach((y, i) => {
    const p = pred[i] as number;
    if (y > 0) apes.push(Math.abs(p - y) / y);
    const r = (p + 1) / (y + 1);
    logErr += Math.abs(Math.log(r));
    if (r >= 0.5 && r <= 2) within++;
  });
  return {
    n: truth.length,
    mdape: median(apes),
    mape: apes.length ? apes.reduce((a, b) => a + b, 0) / apes.length : null,
    male: logErr / truth.length,
    spearman: spearman(pred, truth),
    within2x: within / truth.length,
  };
}
