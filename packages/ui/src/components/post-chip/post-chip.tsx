// A planned post as a small chip: time, thumbnail, title, platform, format, score band and where it
// is in its lifecycle. Presentational; the calendar's draggable chip adds drag and drop.
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

/** A post's lifecycle status, as the planner names it. */
export type PostStatus =
  | "draft"
  | "in_review"
  | "approved"
  | "scheduled"
  | "publishing"
  | "published"
  | "failed"
  | "needs_action"
  | "cancelled"
  | "archived";

export const postStatusLabels: Record<PostStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  scheduled: "Scheduled",
  publishing: "Publishing",
  published: "Published",
  failed: "Failed",
  needs_action: "Needs action",
  cancelled: "Cancelled",
  archived: "Archived",
};

export interface CalendarPost {
  id: string;
  title: string;
  /** Display time on the profile's clock, e.g. "18:30". */
  time: string;
  platform: Platform;
  /** The format (photo, reel...), when known. */
  contentType?: ContentType | undefined;
  /** The workspace's own content type, e.g. "Behind the scenes". */
  typeLabel?: string | undefined;
  status?: PostStatus;
  score?: { value: number; band: ScoreBand };
  /** First image, shown small; the title names the post, so the image is decorative. */
  thumbnailUrl?: string;
  /** Demo content, marked so nobody mistakes it for their own. */
  isExample?: boolean;
}

export interface PostChipProps extends HTMLAttributes<HTMLDivElement> {
  post: CalendarPost;
  dragging?: boolean;
}

export const PostChip = forwardRef<HTMLDivElement, PostChipProps>(function PostChip(
  { post, dragging, className, ...props },
  ref,
) {
  const status = post.status ?? "scheduled";
  return (
    <div
      ref={ref}
      data-part="chip"
      className={cx(styles.chip, styles[status], dragging && styles.dragging, className)}
      {...props}
    >
      <div className={styles.top}>
        <span className={styles.time}>{post.time}</span>
        <span className={styles.platform} data-part="platform">
          {platformLabels[post.platform]}
        </span>
      </div>
      <div className={styles.body}>
        {post.thumbnailUrl ? (
          <img
            data-part="thumb"
            className={styles.thumb}
            src={post.thumbnailUrl}
            alt=""
            width={32}
            height={32}
            loading="lazy"
          />
        ) : null}
        <span className={styles.title} data-part="title">
          {post.title}
        </span>
      </div>
      <div className={styles.meta} data-part="meta">
        {post.contentType ? <ContentTypePill type={post.contentType} /> : null}
        {post.typeLabel ? <span className={styles.typeLabel}>{post.typeLabel}</span> : null}
        {post.score ? <ScoreBadge score={post.score.value} band={post.score.band} compact /> : null}
        {status !== "scheduled" ? (
          <span className={styles.status}>{postStatusLabels[status]}</span>
        ) : null}
        {post.isExample ? <span className={styles.example}>Example</span> : null}
      </div>
    </div>
  );
});
