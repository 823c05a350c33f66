/**
 * The calendar's URL: view, the day it shows, filters and the best-slot overlay, parsed with zod so a
 * hand-edited or stale link falls back to defaults instead of failing. Also the days each view spans.
 */
import { LocalDateSchema } from "@rapport/api/draft-schemas";
import { DraftStatusSchema, addDaysToLocalDate, weekStartOfLocalDate } from "@rapport/core";
import { z } from "zod";

export const CALENDAR_VIEWS = ["week", "month", "list"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export const CalendarSearchSchema = z.object({
  view: z.enum(CALENDAR_VIEWS).catch("week"),
  date: LocalDateSchema.optional().catch(undefined),
  profile: z.uuid().optional().catch(undefined),
  type: z.string().trim().min(1).max(60).optional().catch(undefined),
  status: DraftStatusSchema.optional().catch(undefined),
  slots: z.enum(["1"]).optional().catch(undefined),
});
export type CalendarSearch = z.infer<typeof CalendarSearchSchema>;

export function parseCalendarSearch(params: URLSearchParams): CalendarSearch {
  const raw = Object.fromEntries([...params].filter(([, v]) => v !== ""));
  return CalendarSearchSchema.parse({ view: undefined, ...raw });
}

/** The same search as a query string, with some keys changed (undefined removes one). */
export function calendarHref(
  search: CalendarSearch,
  changes: Partial<Record<keyof CalendarSearch, string | undefined>>,
): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...search, ...changes })) if (v) next.set(k, v);
  return `?${next.toString()}`;
}

const monthStart = (date: string) => `${date.slice(0, 8)}01`;
const monthEnd = (date: string) => {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The local dates a view shows around `anchor`: a Monday-first week, whole weeks covering the month, or a fortnight. */
export function viewDates(view: CalendarView, anchor: string): string[] {
  const first =
    view === "month" ? weekStartOfLocalDate(monthStart(anchor)) : weekStartOfLocalDate(anchor);
  const length =
    view === "week"
      ? 7
      : view === "list"
        ? 14
        : Math.ceil((Date.parse(monthEnd(anchor)) - Date.parse(first)) / 86_400_000 / 7 + 1 / 7) *
          7;
  return Array.from({ length }, (_, i) => addDaysToLocalDate(first, i));
}

/** Where "previous" and "next" go from `anchor`. */
export function stepAnchor(view: CalendarView, anchor: string, direction: 1 | -1): string {
  if (view === "month") {
    const [y, m] = anchor.split("-").map(Number) as [number, number];
    return new Date(Date.UTC(y, m - 1 + direction, 1)).toISOString().slice(0, 10);
  }
  return addDaysToLocalDate(anchor, direction * (view === "week" ? 7 : 14));
}
