// A labelled text input (email, password, url...) built on FormField; forwards native input props.
import { forwardRef } from "react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "../../lib/cx";
import { controlClassName } from "../form-field/control";
import { FormField } from "../form-field/form-field";

/** The bare input, for use inside a FormField or with your own label. */
export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...props },
  ref,
) {
  return <input ref={ref} className={cx(controlClassName, className)} {...props} />;
});

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "children"> {
  label: ReactNode;
  name: string;
  error?: string | undefined;
  description?: ReactNode;
  hideLabel?: boolean;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, description, required, id, hideLabel, className, type = "text", ...props },
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
      {(control) => <Input ref={ref} type={type} {...props} {...control} />}
    </FormField>
  );
});
