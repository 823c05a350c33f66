// How far to trust a set of numbers, and the evidence behind that judgement.
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import { Card } from "../card/card";
import type { ScoreBand } from "../score-gauge/bands";
import { ScoreGauge } from "../score-gauge/score-gauge";
import styles from "./trust-score-card.module.css";

export interface TrustEvidence {
  id: string;
  label: ReactNode;
  detail?: ReactNode;
  status: "good" | "caution" | "missing";
}

export interface TrustScoreCardProps {
  score: number;
  band: ScoreBand;
  title?: ReactNode;
  summary?: ReactNode;
  evidence: TrustEvidence[];
  actions?: ReactNode;
  className?: string;
}

const statusText: Record<TrustEvidence["status"], { icon: string; words: string }> = {
  good: { icon: "✓", words: "Supports" },
  caution: { icon: "!", words: "Caution" },
  missing: { icon: "–", words: "Missing" },
};

export function TrustScoreCard({ score, band, title = "How far to trust these numbers", summary, evidence, actions, className }: TrustScoreCardProps) {
  return (
    <Card title={title} description={summary} actions={actions} className={cx(styles.card, className)}>
      <div className={styles.layout}>
        <ScoreGauge score={score} band={band} label="Trust score" size="sm" />
        <ul className={styles.evidence} aria-label="Evidence">
          {evidence.map((e) => (
            <li key={e.id} className={cx(styles.item, styles[e.status])}>
              <span className={styles.icon} aria-hidden="true">
                {statusText[e.status].icon}
              </span>
              <span className={styles.text}>
                <span className={styles.label}>
                  <span className="rp-visually-hidden">{statusText[e.status].words}: </span>
                  {e.label}
                </span>
                {e.detail ? <span className={styles.detail}>{e.detail}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
