// A determinate progress bar (Radix Progress) with a visible label and value text.
import { Progress } from "radix-ui";
import { useId } from "react";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./progress-bar.module.css";

export interface ProgressBarProps {
  label: ReactNode;
  value: number;
  max?: number;
  /** Visible text for the value; defaults to a percentage. */
  valueText?: string;
  tone?: "accent" | "success" | "warning" | "danger";
  hideLabel?: boolean;
  className?: string;
}

export function ProgressBar({ label, value, max = 100, valueText, tone = "accent", hideLabel, className }: ProgressBarProps) {
  const labelId = useId();
  const clamped = Math.max(0, Math.min(value, max));
  const percent = max > 0 ? Math.round((clamped / max) * 100) : 0;
  const text = valueText ?? `${percent}%`;
  return (
    <div className={cx(styles.root, className)}>
      <div className={cx(styles.row, hideLabel && "rp-visually-hidden")}>
        <span id={labelId} className={styles.label}>
          {label}
        </span>
        <span className={styles.value}>{text}</span>
      </div>
      <Progress.Root
        className={styles.track}
        value={clamped}
        max={max}
        aria-labelledby={labelId}
        aria-valuetext={text}
        getValueLabel={() => text}
      >
        <Progress.Indicator className={cx(styles.indicator, styles[tone])} style={{ width: `${percent}%` }} />
      </Progress.Root>
    </div>
  );
}
