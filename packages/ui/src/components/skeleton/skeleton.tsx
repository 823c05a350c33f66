// A placeholder block shown while content loads. Decorative: pair it with an accessible busy state.
import type { CSSProperties } from "react";
import { cx } from "../../lib/cx";
import styles from "./skeleton.module.css";

export interface SkeletonProps {
  width?: CSSProperties["width"];
  height?: CSSProperties["height"];
  shape?: "text" | "block" | "circle";
  className?: string;
}

export function Skeleton({ width = "100%", height, shape = "text", className }: SkeletonProps) {
  return (
    <span
      aria-hidden="true"
      className={cx(styles.skeleton, styles[shape], className)}
      style={{ width, height: height ?? (shape === "text" ? "1em" : "4rem") }}
    />
  );
}
