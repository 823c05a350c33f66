// Why a score is what it is: each factor with its signed contribution, biggest first.
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./explanation-list.module.css";

export interface Explanation {
  id: string;
  label: ReactNode;
  detail?: ReactNode;
  /** Signed contribution in score points. */
  impact: number;
}

export interface ExplanationListProps {
  items: Explanation[];
  /** Accessible name, e.g. "Why this draft scores 72". */
  label: string;
  /** Keep the given order instead of sorting by absolute impact. */
  keepOrder?: boolean;
  emptyText?: ReactNode;
  className?: string;
}

function formatImpact(impact: number): string {
  if (impact > 0) return `+${impact}`;
  if (impact < 0) return `−${Math.abs(impact)}`;
  return "±0";
}

export function ExplanationList({ items, label, keepOrder, emptyText = "Nothing stands out yet.", className }: ExplanationListProps) {
  const sorted = keepOrder ? items : [...items].sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact));
  if (sorted.length === 0) return <p className={styles.empty}>{emptyText}</p>;
  return (
    <ul aria-label={label} className={cx(styles.list, className)}>
      {sorted.map((item) => {
        const tone = item.impact > 0 ? styles.up : item.impact < 0 ? styles.down : styles.flat;
        const words = item.impact > 0 ? `adds ${item.impact} points` : item.impact < 0 ? `removes ${Math.abs(item.impact)} points` : "no effect";
        return (
          <li key={item.id} className={styles.item}>
            <span className={cx(styles.impact, tone)} aria-hidden="true">
              {formatImpact(item.impact)}
            </span>
            <span className={styles.text}>
              <span className={styles.label}>
                {item.label}
                <span className="rp-visually-hidden">: {words}</span>
              </span>
              {item.detail ? <span className={styles.detail}>{item.detail}</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
