// Form-level and page-level messages. Errors and warnings use role="alert" so they are announced.
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./alert.module.css";

export type AlertTone = "info" | "success" | "warning" | "danger";

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  tone?: AlertTone;
  title?: ReactNode;
  /** Override the live-region role; defaults to "alert" for danger/warning, "status" otherwise. */
  role?: "alert" | "status";
  action?: ReactNode;
  children?: ReactNode;
}

const icons: Record<AlertTone, string> = { info: "ℹ", success: "✓", warning: "!", danger: "✕" };

export function Alert({ tone = "danger", title, role, action, className, children, ...props }: AlertProps) {
  const liveRole = role ?? (tone === "danger" || tone === "warning" ? "alert" : "status");
  return (
    <div role={liveRole} className={cx(styles.alert, styles[tone], className)} {...props}>
      <span className={styles.icon} aria-hidden="true">
        {icons[tone]}
      </span>
      <div className={styles.content}>
        {title ? <p className={styles.title}>{title}</p> : null}
        {children ? <div className={styles.body}>{children}</div> : null}
      </div>
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}

/** Full-width variant for messages above a page or form. */
export function Banner(props: AlertProps) {
  return <Alert {...props} className={cx(styles.banner, props.className)} />;
}
