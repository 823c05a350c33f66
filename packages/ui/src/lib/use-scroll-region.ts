// A box that scrolls sideways on a narrow screen must be reachable by keyboard (WCAG 2.1.1): while
// its content overflows it becomes a focusable region named by its caption, and otherwise stays out
// of the tab order.
import { useEffect, useId, useRef, useState } from "react";

export function useScrollRegion<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const labelId = useId();
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  const regionProps = scrolls
    ? { tabIndex: 0, role: "region" as const, "aria-labelledby": labelId }
    : {};
  return { ref, labelId, regionProps };
}
