// Non-modal floating content anchored to a trigger (Radix Popover).
import { Popover as RadixPopover } from "radix-ui";
import type { ReactNode } from "react";
import styles from "./popover.module.css";

export interface PopoverProps {
  trigger: ReactNode;
  children: ReactNode;
  /** Accessible name for the popover content. */
  label?: string;
  side?: "top" | "right" | "bottom" | "left";
  align?: "start" | "center" | "end";
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}

export function Popover({ trigger, children, label, side = "bottom", align = "center", ...rootProps }: PopoverProps) {
  return (
    <RadixPopover.Root {...rootProps}>
      <RadixPopover.Trigger asChild>{trigger}</RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content side={side} align={align} sideOffset={6} aria-label={label} className={styles.content}>
          {children}
          <RadixPopover.Arrow className={styles.arrow} />
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}
