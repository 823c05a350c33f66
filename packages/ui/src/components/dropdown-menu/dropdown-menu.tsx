// A menu of actions behind a trigger (Radix DropdownMenu: arrow keys, typeahead, Escape).
import { DropdownMenu as RadixMenu } from "radix-ui";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./dropdown-menu.module.css";

export type DropdownMenuEntry =
  | { type?: "item"; label: ReactNode; onSelect?: () => void; disabled?: boolean; tone?: "danger"; shortcut?: string }
  | { type: "separator" }
  | { type: "label"; label: ReactNode };

export interface DropdownMenuProps {
  trigger: ReactNode;
  items: DropdownMenuEntry[];
  align?: "start" | "center" | "end";
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  modal?: boolean;
}

export function DropdownMenu({ trigger, items, align = "end", ...rootProps }: DropdownMenuProps) {
  return (
    <RadixMenu.Root {...rootProps}>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content align={align} sideOffset={4} className={styles.content}>
          {items.map((entry, index) => {
            if (entry.type === "separator") return <RadixMenu.Separator key={index} className={styles.separator} />;
            if (entry.type === "label")
              return (
                <RadixMenu.Label key={index} className={styles.label}>
                  {entry.label}
                </RadixMenu.Label>
              );
            return (
              <RadixMenu.Item
                key={index}
                disabled={entry.disabled}
                onSelect={entry.onSelect}
                className={cx(styles.item, entry.tone === "danger" && styles.danger)}
              >
                <span>{entry.label}</span>
                {entry.shortcut ? <span className={styles.shortcut}>{entry.shortcut}</span> : null}
              </RadixMenu.Item>
            );
          })}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
