// A short hint on hover or focus (Radix Tooltip). Never put essential information only here.
import { Tooltip as RadixTooltip } from "radix-ui";
import type { ReactNode } from "react";
import styles from "./tooltip.module.css";

export interface TooltipProps {
  content: ReactNode;
  /** A focusable element. */
  children: ReactNode;
  side?: "top" | "right" | "bottom" | "left";
  delayDuration?: number;
  open?: boolean;
  defaultOpen?: boolean;
}

export function Tooltip({ content, children, side = "top", delayDuration = 300, ...rootProps }: TooltipProps) {
  return (
    <RadixTooltip.Provider delayDuration={delayDuration}>
      <RadixTooltip.Root {...rootProps}>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content side={side} sideOffset={6} className={styles.content}>
            {content}
            <RadixTooltip.Arrow className={styles.arrow} />
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
