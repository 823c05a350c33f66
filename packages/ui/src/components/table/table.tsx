// A plain semantic table: caption, header cells with scope, numeric columns right-aligned.
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "../../lib/cx";
import { useScrollRegion } from "../../lib/use-scroll-region";
import styles from "./table.module.css";

export interface TableProps extends HTMLAttributes<HTMLTableElement> {
  caption?: ReactNode;
  /** Visually hide the caption but keep it as the table's accessible name. */
  hideCaption?: boolean;
}

export function Table({ caption, hideCaption, className, children, ...props }: TableProps) {
  const { ref, labelId, regionProps } = useScrollRegion<HTMLDivElement>();
  return (
    <div ref={ref} className={styles.scroll} {...(caption ? regionProps : {})}>
      <table className={cx(styles.table, className)} {...props}>
        {caption ? (
          <caption id={labelId} className={cx(styles.caption, hideCaption && "rp-visually-hidden")}>
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function TableHeader(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...props} />;
}
export function TableBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} />;
}
export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx(styles.row, className)} {...props} />;
}
export interface TableHeaderCellProps extends ThHTMLAttributes<HTMLTableCellElement> {
  numeric?: boolean;
}
export function TableHeaderCell({ numeric, className, scope = "col", ...props }: TableHeaderCellProps) {
  return <th scope={scope} className={cx(styles.th, numeric && styles.numeric, className)} {...props} />;
}
export interface TableCellProps extends TdHTMLAttributes<HTMLTableCellElement> {
  numeric?: boolean;
}
export function TableCell({ numeric, className, ...props }: TableCellProps) {
  return <td className={cx(styles.td, numeric && styles.numeric, className)} {...props} />;
}
