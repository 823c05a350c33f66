// One number with its denominator and sample size, always. Below `minN` it refuses to show a value.
import { useId } from "react";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import { Skeleton } from "../skeleton/skeleton";
import styles from "./metric-tile.module.css";

export interface MetricTileProps {
  label: ReactNode;
  /** The formatted value, e.g. "4.2%" or "38". */
  value: ReactNode;
  /** What the value is divided by, e.g. "of people reached". Always shown. */
  denominator: string;
  /** Sample size the value rests on. Always shown. */
  n: number;
  /** Unit of n, e.g. "posts". */
  nUnit?: string;
  hint?: ReactNode;
  /** Below this n, show "not enough data" instead of the value. */
  minN?: number;
  loading?: boolean;
  className?: string;
}

export function MetricTile({ label, value, denominator, n, nUnit = "posts", hint, minN, loading, className }: MetricTileProps) {
  const labelId = useId();
  const tooFew = minN !== undefined && n < minN;
  const nText = `n = ${n.toLocaleString("en-US")} ${nUnit}`;
  return (
    <div role="group" aria-labelledby={labelId} aria-busy={loading || undefined} className={cx(styles.tile, className)}>
      <p id={labelId} className={styles.label}>
        {label}
      </p>
      {loading ? (
        <>
          <Skeleton width="5rem" height="2rem" />
          <Skeleton width="10rem" />
          <span className="rp-visually-hidden">Loading</span>
        </>
      ) : (
        <>
          <p className={cx(styles.value, tooFew && styles.muted)}>{tooFew ? "Not enough data" : value}</p>
          <p className={styles.basis}>
            <span>{denominator}</span>
            <span aria-hidden="true"> · </span>
            <span className={styles.n}>{nText}</span>
            {tooFew ? <span>{` (needs ${minN})`}</span> : null}
          </p>
          {hint ? <p className={styles.hint}>{hint}</p> : null}
        </>
      )}
    </div>
  );
}
