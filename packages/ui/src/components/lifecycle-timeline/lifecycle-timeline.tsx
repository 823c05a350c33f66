// A post's history: who moved it, when, from which status to which, and what they said.
import { cx } from "../../lib/cx";
import { postStatusLabels } from "../post-chip/post-chip";
import type { PostStatus } from "../post-chip/post-chip";
import styles from "./lifecycle-timeline.module.css";

export interface LifecycleEvent {
  id: string;
  /** Who did it; null for Rapport itself (the publisher). */
  actor: string | null;
  /** ISO instant, for the <time> element. */
  at: string;
  /** The instant as the reader should see it, e.g. "Tue 10 Mar, 09:12". */
  atLabel: string;
  from: PostStatus | null;
  to: PostStatus;
  comment?: string | null | undefined;
}

export interface LifecycleTimelineProps {
  events: LifecycleEvent[];
  /** Accessible name of the list. */
  label?: string;
  emptyText?: string;
  className?: string;
}

export function LifecycleTimeline({
  events,
  label = "History",
  emptyText = "No changes yet.",
  className,
}: LifecycleTimelineProps) {
  if (events.length === 0) return <p className={cx(styles.empty, className)}>{emptyText}</p>;
  return (
    <ol aria-label={label} className={cx(styles.list, className)}>
      {events.map((e) => (
        <li key={e.id} className={cx(styles.item, styles[e.to])}>
          <span className={styles.dot} aria-hidden="true" />
          <div className={styles.body}>
            <p className={styles.line}>
              <strong>{e.actor ?? "Rapport"}</strong>{" "}
              {e.from ? (
                <>
                  moved it from <span className={styles.status}>{postStatusLabels[e.from]}</span>{" "}
                  to{" "}
                </>
              ) : (
                <>created it as </>
              )}
              <span className={styles.status}>{postStatusLabels[e.to]}</span>
            </p>
            <time className={styles.time} dateTime={e.at}>
              {e.atLabel}
            </time>
            {e.comment ? <blockquote className={styles.comment}>{e.comment}</blockquote> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
