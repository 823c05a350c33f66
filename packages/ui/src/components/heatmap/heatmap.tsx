// When the audience engages: weekday x time-block grid as a real table, so every number is readable.
// Cells resting on fewer than `minN` posts are hatched and show no value.
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import { useScrollRegion } from "../../lib/use-scroll-region";
import styles from "./heatmap.module.css";

export interface HeatmapCell {
  /** The value (e.g. deep interactions per 100 reached), or null when nothing was posted. */
  value: number | null;
  /** Posts the value rests on. */
  n: number;
}

export interface HeatmapProps {
  /** Table caption; say what the number is and what it is divided by. */
  caption: ReactNode;
  rowLabels: string[];
  columnLabels: string[];
  /** rows x columns, same order as the labels. */
  cells: HeatmapCell[][];
  minN?: number;
  unit?: string;
  formatValue?: (value: number) => string;
  className?: string;
}

const LEVELS = 6;

export function Heatmap({ caption, rowLabels, columnLabels, cells, minN = 3, unit = "posts", formatValue = (v) => v.toFixed(1), className }: HeatmapProps) {
  const values = cells.flat().filter((c) => c.value !== null && c.n >= minN).map((c) => c.value as number);
  const max = values.length ? Math.max(...values) : 0;
  const levelOf = (v: number) => (max > 0 ? Math.min(LEVELS - 1, Math.floor((v / max) * (LEVELS - 1) + 0.5)) : 0);
  const { ref, labelId, regionProps } = useScrollRegion<HTMLDivElement>();
  return (
    <div className={cx(styles.root, className)}>
      <div ref={ref} className={styles.scroll} {...regionProps}>
        <table className={styles.table}>
          <caption id={labelId} className={styles.caption}>
            {caption}
          </caption>
          <thead>
            <tr>
              <td className={styles.corner} />
              {columnLabels.map((label) => (
                <th key={label} scope="col" className={styles.colHeader}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowLabels.map((rowLabel, r) => (
              <tr key={rowLabel}>
                <th scope="row" className={styles.rowHeader}>
                  {rowLabel}
                </th>
                {columnLabels.map((colLabel, c) => {
                  const cell = cells[r]?.[c] ?? { value: null, n: 0 };
                  const enough = cell.value !== null && cell.n >= minN;
                  const level = enough ? levelOf(cell.value as number) : 0;
                  return (
                    <td
                      key={colLabel}
                      className={cx(styles.cell, enough ? styles[`l${level}`] : styles.insufficient)}
                      title={enough ? `${formatValue(cell.value as number)} · n = ${cell.n} ${unit}` : `Not enough ${unit} (n = ${cell.n})`}
                    >
                      {enough ? (
                        <>
                          <span className={styles.value}>{formatValue(cell.value as number)}</span>
                          <span className={styles.n}>n={cell.n}</span>
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true" className={styles.dash}>
                            –
                          </span>
                          <span className="rp-visually-hidden">Not enough {unit}, n = {cell.n}</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.legend} aria-hidden="true">
        <span>Lower</span>
        {Array.from({ length: LEVELS }, (_, i) => (
          <span key={i} className={cx(styles.swatch, styles[`l${i}`])} />
        ))}
        <span>Higher</span>
        <span className={cx(styles.swatch, styles.insufficient)} />
        <span>Fewer than {minN} {unit}</span>
      </div>
    </div>
  );
}
