/** Hands the kit's AppShell Remix's client-side <Link>, so navigation needs no full reload. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function renderLink(props: { href: string; className?: string; children: ReactNode; "aria-current"?: "page" | undefined }) {
  const { href, ...rest } = props;
  return <Link to={href} prefetch="intent" {...rest} />;
}
