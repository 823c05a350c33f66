// A labelled multi-line text control built on FormField; optional live character count.
import { forwardRef, useState } from "react";
import type { ReactNode, TextareaHTMLAttributes } from "react";
import { cx } from "../../lib/cx";
import { controlClassName } from "../form-field/control";
import { FormField } from "../form-field/form-field";
import styles from "./textarea.module.css";

export interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "children"> {
  label: ReactNode;
  name: string;
  error?: string | undefined;
  description?: ReactNode;
  hideLabel?: boolean;
  /** Shows "n / maxLength characters" under the field. */
  showCount?: boolean;
}

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { label, error, description, required, id, hideLabel, className, showCount, rows = 4, onChange, ...props },
  ref,
) {
  const initial = String(props.value ?? props.defaultValue ?? "").length;
  const [count, setCount] = useState(initial);
  const length = props.value !== undefined ? String(props.value).length : count;
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
        <>
          <textarea
            ref={ref}
            rows={rows}
            className={cx(controlClassName, styles.textarea)}
            onChange={(event) => {
              setCount(event.target.value.length);
              onChange?.(event);
            }}
            {...props}
            {...control}
          />
          {showCount ? (
            <p className={styles.count} aria-live="polite">
              {length}
              {props.maxLength ? ` / ${props.maxLength}` : ""} characters
            </p>
          ) : null}
        </>
      )}
    </FormField>
  );
});
