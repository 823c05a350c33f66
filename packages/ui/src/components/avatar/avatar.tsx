// A person or business picture with initials as the fallback (Radix Avatar).
import { Avatar as RadixAvatar } from "radix-ui";
import { cx } from "../../lib/cx";
import styles from "./avatar.module.css";

export interface AvatarProps {
  name: string;
  src?: string;
  size?: "sm" | "md" | "lg";
  className?: string;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}

export function Avatar({ name, src, size = "md", className }: AvatarProps) {
  return (
    <RadixAvatar.Root className={cx(styles.root, styles[size], className)}>
      {src ? <RadixAvatar.Image className={styles.image} src={src} alt={name} /> : null}
      <RadixAvatar.Fallback className={styles.fallback} delayMs={src ? 300 : 0}>
        <span aria-hidden="true">{initials(name)}</span>
        <span className="rp-visually-hidden">{name}</span>
      </RadixAvatar.Fallback>
    </RadixAvatar.Root>
  );
}
