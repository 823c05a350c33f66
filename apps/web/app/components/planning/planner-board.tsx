/**
 * The calendar board in the browser: a drop calls `draft.reschedule` with the post's version and its
 * local time kept, then says what happened (with the DST rule's note when one applied) and reloads.
 */
import { CalendarList, CalendarMonth, CalendarWeek, Alert, type CalendarDay } from "@rapport/ui";
import { useRevalidator, useSubmit } from "@remix-run/react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { userError } from "~/utils/errors";
import type { CalendarView } from "~/utils/calendar-search";
import type { CalendarItem } from "./calendar-days";

export interface PlannerBoardProps {
  view: CalendarView;
  label: string;
  days: CalendarDay[];
  warnings: string[];
  items: CalendarItem[];
  workspaceId: string;
  readOnly: boolean;
  showBestSlots: boolean;
  onOpenPost: (draftId: string) => void;
}

const when = (date: string, time: string) =>
  `${new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`))} at ${time}`;

export function PlannerBoard({
  view,
  label,
  days,
  warnings,
  items,
  workspaceId,
  readOnly,
  showBestSlots,
  onOpenPost,
}: PlannerBoardProps) {
  const trpc = useTRPC();
  const revalidator = useRevalidator();
  const submit = useSubmit();
  const reschedule = useMutation(trpc.draft.reschedule.mutationOptions());
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  const move = async (draftId: string, toDate: string) => {
    const item = items.find((i) => i.draftId === draftId);
    if (!item) return;
    setMessage(null);
    try {
      const r = await reschedule.mutateAsync({
        workspaceId,
        draftId,
        expectedVersion: item.version,
        localDate: toDate,
        localTime: item.localTime,
      });
      const moved = `Moved “${item.title || "Untitled draft"}” to ${when(r.localDate, r.localTime)} (${item.profileTimeZone.replaceAll("_", " ")} time).`;
      setMessage({ tone: "success", text: r.resolution ? `${moved} ${r.resolution}` : moved });
    } catch (error) {
      setMessage({
        tone: "danger",
        text: userError(error, "The post could not be moved.").message,
      });
    }
    revalidator.revalidate();
  };

  const create = (date: string, time?: string) => {
    const form = new FormData();
    form.set("intent", "create");
    form.set("date", date);
    if (time) form.set("time", time);
    submit(form, { method: "post" });
  };

  const props = {
    label,
    days,
    warnings,
    readOnly,
    showBestSlots,
    onOpenPost,
    onMovePost: (id: string, to: string) => void move(id, to),
    onCreatePost: create,
  };
  return (
    <div className="stack">
      <div aria-live="polite" className="calendar-message">
        {message ? (
          <Alert tone={message.tone} role={message.tone === "success" ? "status" : "alert"}>
            {message.text}
          </Alert>
        ) : null}
      </div>
      {view === "month" ? (
        <CalendarMonth {...props} />
      ) : view === "list" ? (
        <CalendarList {...props} />
      ) : (
        <CalendarWeek {...props} />
      )}
    </div>
  );
}
