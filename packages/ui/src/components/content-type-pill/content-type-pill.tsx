// Names the format of a post (photo, reel, carousel...) with an icon and a word, never icon alone.
import { cx } from "../../lib/cx";
import styles from "./content-type-pill.module.css";

export type ContentType = "photo" | "video" | "reel" | "carousel" | "story" | "text" | "link" | "live";

const meta: Record<ContentType, { label: string; icon: string }> = {
  photo: { label: "Photo", icon: "▣" },
  video: { label: "Video", icon: "▶" },
  reel: { label: "Reel", icon: "▷" },
  carousel: { label: "Carousel", icon: "❐" },
  story: { label: "Story", icon: "◔" },
  text: { label: "Text", icon: "¶" },
  link: { label: "Link", icon: "↗" },
  live: { label: "Live", icon: "●" },
};

export interface ContentTypePillProps {
  type: ContentType;
  className?: string;
}

export function ContentTypePill({ type, className }: ContentTypePillProps) {
  const { label, icon } = meta[type];
  return (
    <span className={cx(styles.pill, styles[type], className)}>
      <span aria-hidden="true" className={styles.icon}>
        {icon}
      </span>
      {label}
    </span>
  );
}
