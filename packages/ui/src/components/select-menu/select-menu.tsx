// A styled listbox select (Radix Select: typeahead, arrow keys, scrolls long lists). Needs JavaScript;
// for forms that must post without it, use the native `Select`.
import { Select as RadixSelect } from "radix-ui";
import { useId } from "react";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import type { SelectOption } from "../select/select";
import styles from "./select-menu.module.css";

export interface SelectMenuProps {
  label: ReactNode;
  options: SelectOption[];
  name?: string;
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  placeholder?: string;
  error?: string | undefined;
  disabled?: boolean;
  required?: boolean;
  className?: string;
}

export function SelectMenu({ label, options, placeholder = "Choose…", error, className, ...rootProps }: SelectMenuProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx(styles.field, className)}>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      <RadixSelect.Root {...rootProps}>
        <RadixSelect.Trigger
          className={styles.trigger}
          aria-labelledby={labelId}
          aria-describedby={errorId}
          aria-invalid={error ? true : undefined}
        >
          <RadixSelect.Value placeholder={placeholder} />
          <RadixSelect.Icon className={styles.icon} aria-hidden="true">
            ▾
          </RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content className={styles.content} position="popper" sideOffset={4}>
            <RadixSelect.Viewport className={styles.viewport}>
              {options.map((option) => (
                <RadixSelect.Item key={option.value} value={option.value} disabled={option.disabled} className={styles.item}>
                  <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                  <RadixSelect.ItemIndicator className={styles.check} aria-hidden="true">
                    ✓
                  </RadixSelect.ItemIndicator>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
