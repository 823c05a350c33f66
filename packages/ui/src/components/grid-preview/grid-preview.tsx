// An Instagram profile grid as it will look: planned posts (their first image) above the posts
// already out, three to a row, each planned tile marked with when it goes out.
import { cx } from "../../lib/cx";
import { ContentTypePill } from "../content-type-pill/content-type-pill";
import type { ContentType } from "../content-type-pill/content-type-pill";
import styles from "./grid-preview.module.css";

export interface GridPreviewTile {
  id: string;
  title: string;
  /** First image; tiles without one show their title. */
  imageUrl?: string | undefined;
  planned: boolean;
  /** When it goes (or went) out, e.g. "Tue 10 Mar, 18:00". */
  when: string;
  contentType?: ContentType | undefined;
  isExample?: boolean | undefined;
}

export interface GridPreviewProps {
  /** Accessible name, e.g. "Grid preview for @bakery". */
  label: string;
  tiles: GridPreviewTile[];
  onOpenTile?: (id: string) => void;
  emptyText?: string;
  className?: string;
}

export function GridPreview({
  label,
  tiles,
  onOpenTile,
  emptyText = "No posts with images yet.",
  className,
}: GridPreviewProps) {
  const planned = tiles.filter((t) => t.planned).length;
  return (
    <section aria-label={label} className={cx(styles.wrap, className)}>
      <p className={styles.legend}>
        {planned} planned {planned === 1 ? "post" : "posts"} above {tiles.length - planned} already
        out
      </p>
      {tiles.length === 0 ? (
        <p className={styles.empty}>{emptyText}</p>
      ) : (
        <ol className={styles.grid}>
          {tiles.map((tile) => {
            const content = (
              <>
                {tile.imageUrl ? (
                  <img className={styles.image} src={tile.imageUrl} alt="" loading="lazy" />
                ) : (
                  <span className={styles.text}>{tile.title}</span>
                )}
                <span className="rp-visually-hidden">
                  {tile.title}, {tile.planned ? "planned for" : "posted"} {tile.when}
                </span>
                {tile.planned ? (
                  <span className={styles.badge} aria-hidden="true">
                    {tile.when}
                  </span>
                ) : null}
                {tile.contentType && tile.contentType !== "photo" ? (
                  <ContentTypePill type={tile.contentType} className={styles.type} />
                ) : null}
                {tile.isExample ? (
                  <span className={styles.example} aria-hidden="true">
                    Example
                  </span>
                ) : null}
              </>
            );
            return (
              <li
                key={tile.id}
                className={cx(styles.tile, tile.planned ? styles.planned : styles.past)}
              >
                {onOpenTile ? (
                  <button
                    type="button"
                    className={styles.button}
                    onClick={() => onOpenTile(tile.id)}
                  >
                    {content}
                  </button>
                ) : (
                  <div className={styles.button}>{content}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
