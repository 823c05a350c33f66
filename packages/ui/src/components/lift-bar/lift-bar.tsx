// How much a factor lifts deep interactions, with its uncertainty interval and sample size.
// Three honest states: not enough data (no bar), tentative (hatched), normal.
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./lift-bar.module.css";

export type LiftState = "not-enough" | "tentative" | "normal";

export interface LiftBarProps {
  label: ReactNode;
  /** Estimated lift in percent (18 means +18%). */
  lift: number;
  /** Lower and upper bound of the interval, in percent. */
  low: number;
  high: number;
  /** Posts (or other units) the estimate rests on. */
  n: number;
  state: LiftState;
  unit?: string;
  /** Scale of the axis, in percent. Share it across bars that are compared. */
  min?: number;
  max?: number;
  className?: string;
}

export function formatPercent(value: number): string {
  const rounded = Math.round(value);
  if (rounded > 0) return `+${rounded}%`;
  if (rounded < 0) return `−${Math.abs(rounded)}%`;
  return "0%";
}

export function LiftBar({ label, lift, low, high, n, state, unit = "posts", min = -50, max = 50, className }: LiftBarProps) {
  const span = max - min;
  const pos = (v: number) => ((Math.max(min, Math.min(max, v)) - min) / span) * 100;
  const zero = pos(0);
  const value = pos(lift);
  const nText = `n = ${n.toLocaleString("en-US")} ${unit}`;
  const enough = state !== "not-enough";
  return (
    <div className={cx(styles.row, styles[state], className)}>
      <div className={styles.label}>{label}</div>
      <div className={styles.chart} aria-hidden="true">
        <div className={styles.zero} style={{ left: `${zero}%` }} />
        {enough ? (
          <>
            <div
              className={cx(styles.bar, lift < 0 && styles.negative)}
              style={{ left: `${Math.min(zero, value)}%`, width: `${Math.abs(value - zero)}%` }}
            />
            <div className={styles.interval} style={{ left: `${pos(low)}%`, width: `${pos(high) - pos(low)}%` }} />
            <div className={styles.point} style={{ left: `${value}%` }} />
          </>
        ) : null}
      </div>
      <div className={styles.readout}>
        {enough ? (
          <>
            <span className={styles.lift}>{formatPercent(lift)}</span>
            {state === "tentative" ? <span className={styles.tag}>Tentative</span> : null}
            <span className={styles.meta}>
              {formatPercent(low)} to {formatPercent(high)} · {nText}
            </span>
          </>
        ) : (
          <>
            <span className={styles.notEnough}>Not enough {unit}</span>
            <span className={styles.meta}>{nText}</span>
          </>
        )}
      </div>
    </div>
  );
}

export interface LiftBarGroupProps {
  /** Accessible name and visible heading for the group. */
  title: ReactNode;
  /** What lift is measured on, e.g. "Lift in deep interactions per 100 people reached". */
  description?: ReactNode;
  items: (Omit<LiftBarProps, "min" | "max" | "className"> & { id: string })[];
  min?: number;
  max?: number;
  className?: string;
}

export function LiftBarGroup({ title, description, items, min = -50, max = 50, className }: LiftBarGroupProps) {
  return (
    <figure className={cx(styles.group, className)}>
      <figcaption className={styles.groupCaption}>
        <span className={styles.groupTitle}>{title}</span>
        {description ? <span className={styles.groupDescription}>{description}</span> : null}
      </figcaption>
      <ul className={styles.list}>
        {items.map(({ id, ...item }) => (
          <li key={id}>
            <LiftBar {...item} min={min} max={max} />
          </li>
        ))}
      </ul>
      <div className={styles.axis} aria-hidden="true">
        <span />
        <div className={styles.axisTicks}>
          <span>{formatPercent(min)}</span>
          <span style={{ left: `${((0 - min) / (max - min)) * 100}%` }} className={styles.axisZero}>
            0
          </span>
          <span>{formatPercent(max)}</span>
        </div>
        <span />
      </div>
    </figure>
  );
}
