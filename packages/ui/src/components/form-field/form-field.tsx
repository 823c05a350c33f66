// Label + description + control + error, with ids wired so assistive tech reads them together.
import { useId } from "react";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./form-field.module.css";

export interface FormFieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
}

export interface FormFieldProps {
  label: ReactNode;
  /** Error message; marks the control invalid and is announced with it. */
  error?: string | undefined;
  description?: ReactNode;
  required?: boolean;
  /** Use a given id instead of a generated one. */
  id?: string;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  className?: string;
  /** Renders the control; spread the props onto it. */
  children: (control: FormFieldControlProps) => ReactNode;
}

export function FormField({ label, error, description, required, id, hideLabel, className, children }: FormFieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={controlId} className={cx(styles.label, hideLabel && "rp-visually-hidden")}>
        {label}
        {required ? (
          <span className={styles.required} aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {description ? (
        <p id={descriptionId} className={styles.description}>
          {description}
        </p>
      ) : null}
      {children({
        id: controlId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(required ? { required: true } : {}),
      })}
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
