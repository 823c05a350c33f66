/** Copies a text to the clipboard and says so (for a caption to paste into the platform's app). */
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "../button/button";

export interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "children"> {
  text: string;
  /** What is copied, for the label: "Copy caption". */
  label?: string;
}

export function CopyButton({
  text,
  label = "Copy",
  variant = "secondary",
  size = "sm",
  ...props
}: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <>
      <Button
        type="button"
        variant={variant}
        size={size}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState("copied"),
            () => setState("failed"),
          );
        }}
        {...props}
      >
        {state === "copied" ? "Copied" : label}
      </Button>
      <span role="status" aria-live="polite" className="rp-visually-hidden">
        {state === "copied"
          ? "Copied to the clipboard."
          : state === "failed"
            ? "Could not copy: select the text and copy it by hand."
            : ""}
      </span>
    </>
  );
}
