// A scheduled post as a small chip: time, title, platform, format and score. Presentational;
// `DraggablePostChip` (in the calendar) adds drag and drop.
import { forwardRef } from "react";
import type { HTMLAttributes } from "react";
import { cx } from "../../lib/cx";
import { ContentTypePill } from "../content-type-pill/content-type-pill";
import type { ContentType } from "../content-type-pill/content-type-pill";
import type { Platform } from "../platform-post-preview/platforms";
import { platformLabels } from "../platform-post-preview/platforms";
import { ScoreBadge } from "../score-badge/score-badge";
import type { ScoreBand } from "../score-gauge/bands";
import styles from "./post-chip.module.css";

export interface CalendarPost {
  id: string;
  title: string;
  /** Display time, e.g. "18:30". */
  time: string;
  platform: Platform;
  contentType: ContentType;
  status?: "draft" | "scheduled" | "published";
  score?: { value: number; band: ScoreBand };
}

export interface PostChipProps extends HTMLAttributes<HTMLDivElement> {
  post: CalendarPost;
  dragging?: boolean;
}

export const PostChip = forwardRef<HTMLDivElement, PostChipProps>(function PostChip({ post, dragging, className, ...props }, ref) {
  return (
    <div ref={ref} className={cx(styles.chip, styles[post.status ?? "scheduled"], dragging && styles.dragging, className)} {...props}>
      <div className={styles.top}>
        <span className={styles.time}>{post.time}</span>
        <span className={styles.platform}>{platformLabels[post.platform]}</span>
      </div>
      <span className={styles.title}>{post.title}</span>
      <div className={styles.meta}>
        <ContentTypePill type={post.contentType} />
        {post.score ? <ScoreBadge score={post.score.value} band={post.score.band} compact /> : null}
        {post.status === "draft" ? <span className={styles.status}>Draft</span> : null}
      </div>
    </div>
  );
});
