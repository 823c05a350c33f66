// The app's frame: skip link, header (brand + actions), main navigation and the main landmark.
// Router-agnostic: pass `renderLink` to render your router's link (e.g. Remix <Link>).
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./app-shell.module.css";

export interface AppShellNavItem {
  label: string;
  href: string;
  current?: boolean;
}

export interface AppShellLinkProps {
  href: string;
  className: string;
  children: ReactNode;
  "aria-current"?: "page";
}

export interface AppShellProps {
  brand: ReactNode;
  nav: AppShellNavItem[];
  renderLink?: (props: AppShellLinkProps) => ReactNode;
  headerActions?: ReactNode;
  /** Accessible name of the navigation landmark. */
  navLabel?: string;
  children: ReactNode;
}

const defaultRenderLink = ({ href, className, children, ...rest }: AppShellLinkProps) => (
  <a href={href} className={className} {...rest}>
    {children}
  </a>
);

export function AppShell({ brand, nav, renderLink = defaultRenderLink, headerActions, navLabel = "Main", children }: AppShellProps) {
  return (
    <div className={styles.shell}>
      <a href="#main-content" className={styles.skipLink}>
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.brand}>{brand}</div>
        {headerActions ? <div className={styles.actions}>{headerActions}</div> : null}
      </header>
      <nav aria-label={navLabel} className={styles.nav}>
        <ul className={styles.navList}>
          {nav.map((item) => (
            <li key={item.href}>
              {renderLink({
                href: item.href,
                className: cx(styles.navLink, item.current && styles.current),
                children: item.label,
                ...(item.current ? { "aria-current": "page" as const } : {}),
              })}
            </li>
          ))}
        </ul>
      </nav>
      <main id="main-content" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </div>
  );
}
