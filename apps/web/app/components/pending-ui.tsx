/**
 * Loading states for the whole app, so no page has to remember them: a bar at the top (announced)
 * while Remix loads the next page or submits a form, and the submitting form marked busy (dimmed,
 * not clickable twice) until the answer arrives. Shown after a short delay, so fast answers don't flash.
 */
import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

const SHOW_AFTER_MS = 150;

export function PendingUi() {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (!busy) {
      setVisible(false);
      return;
    }
    const timer = window.setTimeout(() => setVisible(true), SHOW_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [busy]);

  // The form submitted last is marked busy once Remix actually sends it (a form whose client-side
  // check refused it never is), and every mark goes when navigation settles.
  const lastSubmitted = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    const onSubmit = (event: Event) => {
      if (event.target instanceof HTMLFormElement) lastSubmitted.current = event.target;
    };
    document.addEventListener("submit", onSubmit, true);
    return () => document.removeEventListener("submit", onSubmit, true);
  }, []);
  const sending = navigation.formData !== undefined;
  useEffect(() => {
    if (sending) {
      lastSubmitted.current?.setAttribute("aria-busy", "true");
      return;
    }
    for (const form of document.querySelectorAll("form[aria-busy='true']"))
      form.removeAttribute("aria-busy");
    lastSubmitted.current = null;
  }, [sending]);

  return (
    <div className="pending-bar" data-visible={visible} data-testid="pending-bar">
      <span role="status" className="visually-hidden">
        {visible ? (navigation.state === "submitting" ? "Saving…" : "Loading…") : ""}
      </span>
    </div>
  );
}
