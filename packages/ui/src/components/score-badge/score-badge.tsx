// Compact score + band label for lists and chips.
import { cx } from "../../lib/cx";
import { bandLabels } from "../score-gauge/bands";
import type { ScoreBand } from "../score-gauge/bands";
import styles from "./score-badge.module.css";

export interface ScoreBadgeProps {
  score: number;
  band: ScoreBand;
  /** Hide the band word (the colour alone never carries meaning: the label stays for screen readers). */
  compact?: boolean;
  className?: string;
}

export function ScoreBadge({ score, band, compact, className }: ScoreBadgeProps) {
  const value = Math.max(0, Math.min(100, Math.round(score)));
  return (
    <span className={cx(styles.badge, styles[band], className)}>
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.score}>{value}</span>
      <span className={compact ? "rp-visually-hidden" : styles.band}>
        <span className="rp-visually-hidden">score, </span>
        {bandLabels[band]}
      </span>
    </span>
  );
}
