// One choice from a few visible options (Radix RadioGroup: arrow keys move, roving focus).
import { RadioGroup as RadixRadioGroup } from "radix-ui";
import { useId } from "react";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./radio-group.module.css";

export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps {
  label: ReactNode;
  name?: string;
  options: RadioOption[];
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  orientation?: "vertical" | "horizontal";
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

export function RadioGroup({ label, options, orientation = "vertical", error, className, ...props }: RadioGroupProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx(styles.root, className)}>
      <span id={labelId} className={styles.legend}>
        {label}
      </span>
      <RadixRadioGroup.Root
        aria-labelledby={labelId}
        aria-describedby={errorId}
        orientation={orientation}
        className={cx(styles.group, styles[orientation])}
        {...props}
      >
        {options.map((option) => {
          const itemId = `${id}-${option.value}`;
          return (
            <div key={option.value} className={styles.option}>
              <RadixRadioGroup.Item id={itemId} value={option.value} disabled={option.disabled} className={styles.item}>
                <RadixRadioGroup.Indicator className={styles.indicator} />
              </RadixRadioGroup.Item>
              <div className={styles.text}>
                <label htmlFor={itemId} className={styles.label}>
                  {option.label}
                </label>
                {option.description ? <span className={styles.description}>{option.description}</span> : null}
              </div>
            </div>
          );
        })}
      </RadixRadioGroup.Root>
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
