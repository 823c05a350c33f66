// A surface that groups related content, with an optional heading row and actions.
import { useId } from "react";
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./card.module.css";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Heading level for the title; match the page outline. */
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
}

export function Card({ title, description, actions, headingLevel = 2, className, children, ...props }: CardProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={cx(styles.card, className)} aria-labelledby={title ? titleId : undefined} {...props}>
      {title || actions ? (
        <header className={styles.header}>
          <div className={styles.titles}>
            {title ? (
              <Heading id={titleId} className={styles.title}>
                {title}
              </Heading>
            ) : null}
            {description ? <p className={styles.description}>{description}</p> : null}
          </div>
          {actions ? <div className={styles.actions}>{actions}</div> : null}
        </header>
      ) : null}
      {children ? <div className={styles.body}>{children}</div> : null}
    </section>
  );
}
