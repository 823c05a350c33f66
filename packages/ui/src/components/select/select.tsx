// A labelled native <select>: works in forms without JavaScript and on every mobile picker.
import { forwardRef } from "react";
import type { ReactNode, SelectHTMLAttributes } from "react";
import { cx } from "../../lib/cx";
import { controlClassName } from "../form-field/control";
import { FormField } from "../form-field/form-field";
import styles from "./select.module.css";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> {
  label: ReactNode;
  name: string;
  options: SelectOption[];
  /** Adds an empty first option with this text. */
  placeholder?: string;
  error?: string | undefined;
  description?: ReactNode;
  hideLabel?: boolean;
}

export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { label, error, description, required, id, hideLabel, className, options, placeholder, ...props },
  ref,
) {
  return (
    <FormField
      label={label}
      error={error}
      description={description}
      required={required}
      hideLabel={hideLabel}
      className={className}
      {...(id ? { id } : {})}
    >
      {(control) => (
        <div className={styles.wrapper}>
          <select ref={ref} className={cx(controlClassName, styles.select)} {...props} {...control}>
            {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
            {options.map((option) => (
              <option key={option.value} value={option.value} disabled={option.disabled}>
                {option.label}
              </option>
            ))}
          </select>
          <span className={styles.chevron} aria-hidden="true">
            ▾
          </span>
        </div>
      )}
    </FormField>
  );
});
