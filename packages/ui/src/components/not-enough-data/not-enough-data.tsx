// "Not enough data yet" as a first-class state: what is missing, how far along, what to do.
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import { ProgressBar } from "../progress-bar/progress-bar";
import styles from "./not-enough-data.module.css";

export interface NotEnoughDataProps {
  /** How many are needed before the number means something. */
  needed: number;
  /** How many there are now. */
  current: number;
  /** What is being counted, plural ("posts"). */
  unit?: string;
  title?: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

export function NotEnoughData({ needed, current, unit = "posts", title, description, action, headingLevel = 3, className }: NotEnoughDataProps) {
  const Heading = `h${headingLevel}` as const;
  const remaining = Math.max(0, needed - current);
  return (
    <div className={cx(styles.root, className)}>
      <Heading className={styles.title}>{title ?? `Not enough ${unit} yet`}</Heading>
      <p className={styles.description}>
        {description ??
          `We show this number once it rests on at least ${needed} ${unit}, so a lucky day doesn't look like a trend. ${remaining} more to go.`}
      </p>
      <ProgressBar
        label={`${unit.charAt(0).toUpperCase()}${unit.slice(1)} so far`}
        value={Math.min(current, needed)}
        max={needed}
        valueText={`${current} of ${needed} ${unit}`}
      />
      {action ? <div>{action}</div> : null}
    </div>
  );
}
