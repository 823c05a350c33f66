// A half-circle gauge for a 0-100 score, coloured by its band. Exposed as a meter to assistive tech.
import { useId } from "react";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import { bandLabels } from "./bands";
import type { ScoreBand } from "./bands";
import styles from "./score-gauge.module.css";

export interface ScoreGaugeProps {
  /** 0-100. */
  score: number;
  band?: ScoreBand;
  label?: ReactNode;
  /** Secondary line, e.g. "vs your last 30 posts". */
  caption?: ReactNode;
  size?: "sm" | "md" | "lg";
  className?: string;
}

const RADIUS = 40;
const ARC = Math.PI * RADIUS;

export function ScoreGauge({ score, band, label = "Engagement score", caption, size = "md", className }: ScoreGaugeProps) {
  const labelId = useId();
  const clamped = Math.max(0, Math.min(100, Math.round(score)));
  const dash = (clamped / 100) * ARC;
  const bandText = band ? bandLabels[band] : undefined;
  return (
    <div
      role="meter"
      aria-labelledby={labelId}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={`${clamped} out of 100${bandText ? `, ${bandText}` : ""}`}
      className={cx(styles.root, styles[size], band && styles[band], className)}
    >
      <svg viewBox="0 0 100 56" className={styles.svg} aria-hidden="true">
        <path d="M 10 50 A 40 40 0 0 1 90 50" className={styles.track} />
        <path
          d="M 10 50 A 40 40 0 0 1 90 50"
          className={styles.value}
          strokeDasharray={`${dash} ${ARC}`}
        />
      </svg>
      <div className={styles.readout}>
        <span className={styles.score}>{clamped}</span>
        <span className={styles.outOf}>/ 100</span>
      </div>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      {bandText ? <span className={styles.band}>{bandText}</span> : null}
      {caption ? <span className={styles.caption}>{caption}</span> : null}
    </div>
  );
}
