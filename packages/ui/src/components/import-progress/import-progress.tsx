// Progress of a CSV/platform import with honest row counts: read, imported, skipped, failed.
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import { Alert } from "../alert/alert";
import { Badge } from "../badge/badge";
import { ProgressBar } from "../progress-bar/progress-bar";
import styles from "./import-progress.module.css";

export type ImportStatus = "queued" | "running" | "done" | "failed";

export interface ImportProgressProps {
  source: ReactNode;
  status: ImportStatus;
  /** Total rows when known (after the file is scanned). */
  rowsTotal?: number;
  rowsProcessed: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsFailed?: number;
  error?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

const statusBadge: Record<ImportStatus, { text: string; tone: "neutral" | "info" | "success" | "danger" }> = {
  queued: { text: "Queued", tone: "neutral" },
  running: { text: "Importing", tone: "info" },
  done: { text: "Done", tone: "success" },
  failed: { text: "Failed", tone: "danger" },
};

const fmt = (n: number) => n.toLocaleString("en-US");

export function ImportProgress({ source, status, rowsTotal, rowsProcessed, rowsImported, rowsSkipped, rowsFailed = 0, error, actions, className }: ImportProgressProps) {
  const badge = statusBadge[status];
  return (
    <div className={cx(styles.root, className)}>
      <div className={styles.header}>
        <span className={styles.source}>{source}</span>
        <Badge tone={badge.tone}>{badge.text}</Badge>
      </div>
      {rowsTotal !== undefined ? (
        <ProgressBar
          label="Rows processed"
          value={rowsProcessed}
          max={Math.max(rowsTotal, 1)}
          valueText={`${fmt(rowsProcessed)} of ${fmt(rowsTotal)} rows`}
          tone={status === "failed" ? "danger" : status === "done" ? "success" : "accent"}
        />
      ) : (
        <p className={styles.unknown} role="status">
          {fmt(rowsProcessed)} rows read so far
        </p>
      )}
      <dl className={styles.counts}>
        <div>
          <dt>Imported</dt>
          <dd>{fmt(rowsImported)}</dd>
        </div>
        <div>
          <dt>Skipped (duplicates)</dt>
          <dd>{fmt(rowsSkipped)}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd className={rowsFailed > 0 ? styles.failed : undefined}>{fmt(rowsFailed)}</dd>
        </div>
      </dl>
      {status === "failed" && error ? (
        <Alert tone="danger" title="The import stopped">
          {error}
        </Alert>
      ) : null}
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
