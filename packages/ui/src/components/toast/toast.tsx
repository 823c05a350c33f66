// Brief, non-blocking confirmations (Radix Toast: announced politely, swipe/Escape to dismiss).
// Wrap the app once in <ToastProvider>; call `useToast().toast({...})` anywhere below it.
import { Toast as RadixToast } from "radix-ui";
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./toast.module.css";

export interface ToastOptions {
  title: ReactNode;
  description?: ReactNode;
  tone?: "neutral" | "success" | "danger";
  /** Milliseconds before it hides; Infinity keeps it until dismissed. */
  duration?: number;
}

interface ToastEntry extends ToastOptions {
  id: number;
}

interface ToastContextValue {
  toast: (options: ToastOptions) => void;
}

const ToastContext = createContext<ToastContextValue | null>(null);

export function useToast(): ToastContextValue {
  const value = useContext(ToastContext);
  if (!value) throw new Error("useToast must be used inside <ToastProvider>");
  return value;
}

export interface ToastProviderProps {
  children: ReactNode;
  /** Toasts shown from the start (e.g. a flash message from the server). */
  initialToasts?: ToastOptions[];
}

let nextId = 1;

export function ToastProvider({ children, initialToasts = [] }: ToastProviderProps) {
  const [toasts, setToasts] = useState<ToastEntry[]>(() => initialToasts.map((t) => ({ ...t, id: nextId++ })));
  const toast = useCallback((options: ToastOptions) => setToasts((list) => [...list, { ...options, id: nextId++ }]), []);
  const value = useMemo(() => ({ toast }), [toast]);
  return (
    <ToastContext.Provider value={value}>
      <RadixToast.Provider swipeDirection="right" label="Notifications">
        {children}
        {toasts.map((t) => (
          <RadixToast.Root
            key={t.id}
            duration={t.duration ?? 5000}
            className={cx(styles.toast, styles[t.tone ?? "neutral"])}
            onOpenChange={(open) => {
              if (!open) setToasts((list) => list.filter((x) => x.id !== t.id));
            }}
          >
            <RadixToast.Title className={styles.title}>{t.title}</RadixToast.Title>
            {t.description ? <RadixToast.Description className={styles.description}>{t.description}</RadixToast.Description> : null}
            <RadixToast.Close className={styles.close} aria-label="Dismiss">
              <span aria-hidden="true">×</span>
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className={styles.viewport} />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}
