// How a post will look on each platform, including where the caption gets cut ("… more").
// Approximations for planning, not pixel copies of the platforms' UIs.
import type { CSSProperties } from "react";
import { cx } from "../../lib/cx";
import { initials } from "../avatar/avatar";
import { platformLabels } from "./platforms";
import type { Platform } from "./platforms";
import styles from "./platform-post-preview.module.css";

export interface PreviewMedia {
  alt: string;
  /** Image URL; without it a calm placeholder in `color` is shown. */
  src?: string;
  color?: string;
}

export interface PlatformPostPreviewProps {
  platform: Platform;
  author: { name: string; handle: string };
  text: string;
  media?: PreviewMedia[];
  /** e.g. "Just now", "Thu 18:30". */
  timestamp?: string;
  className?: string;
}

/** Characters shown before the platform folds the caption. */
export const foldAt: Record<Platform, number> = { instagram: 125, facebook: 480, tiktok: 150, x: 280, linkedin: 210 };

function fold(text: string, limit: number): { shown: string; folded: boolean } {
  if (text.length <= limit) return { shown: text, folded: false };
  return { shown: text.slice(0, limit).trimEnd(), folded: true };
}

function Media({ media, ratio }: { media: PreviewMedia; ratio: string }) {
  const style: CSSProperties = { aspectRatio: ratio, background: media.color ?? "var(--rp-color-surface-sunken)" };
  return media.src ? (
    <img src={media.src} alt={media.alt} className={styles.media} style={style} />
  ) : (
    <div role="img" aria-label={media.alt} className={styles.media} style={style} />
  );
}

// Inline icons: emoji fonts are not guaranteed (Debian's Chromium has none), so draw them.
const iconProps = { width: 16, height: 16, viewBox: "0 0 16 16", fill: "none", stroke: "currentColor", strokeWidth: 1.5, strokeLinejoin: "round" as const };
function CommentIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2 3h12v8H6.5L3 14v-3H2z" />
    </svg>
  );
}
function SaveIcon() {
  return (
    <svg {...iconProps}>
      <path d="M4 2h8v12l-4-3-4 3z" />
    </svg>
  );
}

function Avatar({ name }: { name: string }) {
  return (
    <span className={styles.avatar} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function PlatformPostPreview({ platform, author, text, media = [], timestamp = "Just now", className }: PlatformPostPreviewProps) {
  const { shown, folded } = fold(text, foldAt[platform]);
  const first = media[0];
  const more = folded ? (
    <span className={styles.more}>{platform === "linkedin" ? "…see more" : platform === "x" ? "" : "… more"}</span>
  ) : null;
  const overLimit = platform === "x" && text.length > 280;
  return (
    <article aria-label={`${platformLabels[platform]} preview`} className={cx(styles.preview, styles[platform], className)}>
      {platform === "tiktok" ? (
        <div className={styles.tiktokFrame}>
          {first ? <Media media={first} ratio="9 / 16" /> : <div className={styles.media} style={{ aspectRatio: "9 / 16" }} />}
          <div className={styles.tiktokOverlay}>
            <p className={styles.handle}>@{author.handle}</p>
            <p className={styles.text}>
              {shown}
              {more}
            </p>
          </div>
          <div className={styles.rail} aria-hidden="true">
            <span>♥</span>
            <CommentIcon />
            <SaveIcon />
            <span>↪</span>
          </div>
        </div>
      ) : (
        <>
          <header className={styles.header}>
            <Avatar name={author.name} />
            <div className={styles.who}>
              <span className={styles.name}>{platform === "instagram" ? author.handle : author.name}</span>
              <span className={styles.sub}>
                {platform === "x" ? `@${author.handle} · ${timestamp}` : platform === "linkedin" ? `${timestamp} · Public` : platform === "facebook" ? `${timestamp} · Public` : ""}
              </span>
            </div>
          </header>
          {platform !== "instagram" ? (
            <p className={styles.text}>
              {shown}
              {more}
            </p>
          ) : null}
          {first ? <Media media={first} ratio={platform === "instagram" ? "1 / 1" : platform === "x" ? "16 / 9" : "1.91 / 1"} /> : null}
          {media.length > 1 ? <p className={styles.count}>1 of {media.length}</p> : null}
          <div className={styles.actions} aria-hidden="true">
            {platform === "instagram" ? (
              <>
                <span>♡</span>
                <CommentIcon />
                <span>➤</span>
                <span className={styles.save}><SaveIcon /></span>
              </>
            ) : platform === "facebook" ? (
              <>
                <span>Like</span>
                <span>Comment</span>
                <span>Share</span>
              </>
            ) : platform === "linkedin" ? (
              <>
                <span>Like</span>
                <span>Comment</span>
                <span>Repost</span>
                <span>Send</span>
              </>
            ) : (
              <>
                <CommentIcon />
                <span>⇄</span>
                <span>♡</span>
                <SaveIcon />
              </>
            )}
          </div>
          {platform === "instagram" ? (
            <p className={styles.text}>
              <span className={styles.name}>{author.handle}</span> {shown}
              {more}
            </p>
          ) : null}
        </>
      )}
      {overLimit ? (
        <p className={styles.warning} role="note">
          {text.length - 280} characters over X's 280 limit
        </p>
      ) : null}
    </article>
  );
}
