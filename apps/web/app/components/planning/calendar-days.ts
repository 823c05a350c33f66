/**
 * Turns `calendar.range` (and `calendar.bestSlots`) into the kit calendar's days: posts on their
 * profile's local day, per-day counts, cadence warnings on days and weeks, and the best-slot overlay.
 */
import type { AppRouter } from "@rapport/api";
import { addDaysToLocalDate } from "@rapport/core";
import type { CalendarDay, CalendarPost, ContentType, Platform, PostStatus } from "@rapport/ui";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
type RangeOutput = Outputs["calendar"]["range"];
/** A range item as it arrives from a loader (dates become strings) or from tRPC (dates stay dates). */
export type CalendarItem = Omit<RangeOutput["items"][number], "plannedAt"> & {
  plannedAt: Date | string;
};
export type CalendarRange = Omit<RangeOutput, "items"> & { items: CalendarItem[] };
export type BestSlots = Outputs["calendar"]["bestSlots"];

const PILL: Record<string, ContentType> = {
  "single-image": "photo",
  carousel: "carousel",
  video: "video",
  story: "story",
  text: "text",
};
const BANDS = new Set(["low", "typical", "strong", "standout"]);

export function toCalendarPost(
  item: CalendarItem,
  workspaceId: string,
  typeLabels: Map<string, string>,
): CalendarPost {
  return {
    id: item.draftId,
    title: item.title || "Untitled draft",
    time: item.localTime,
    platform: item.platform as Platform,
    contentType: item.format ? PILL[item.format] : undefined,
    typeLabel: item.contentType
      ? (typeLabels.get(item.contentType) ?? item.contentType)
      : undefined,
    status: item.status as PostStatus,
    score:
      item.score !== null && item.scoreBand && BANDS.has(item.scoreBand)
        ? { value: item.score, band: item.scoreBand as NonNullable<CalendarPost["score"]>["band"] }
        : undefined,
    thumbnailUrl: item.thumbnailMediaId
      ? `/w/${workspaceId}/media/${item.thumbnailMediaId}?size=thumb`
      : undefined,
    isExample: item.isExample,
  };
}

const dayLabel = (date: string, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("en-GB", { ...opts, timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );

export interface BuildDaysInput {
  dates: string[];
  today: string;
  range: CalendarRange;
  workspaceId: string;
  typeLabels: Map<string, string>;
  /** Month views label days "Mon 2 Mar" and show "2"; the anchor's month decides which days are outside. */
  month?: string | undefined;
  bestSlots?: BestSlots | null | undefined;
  handles: Map<string, string>;
}

export function buildDays({
  dates,
  today,
  range,
  workspaceId,
  typeLabels,
  month,
  bestSlots,
  handles,
}: BuildDaysInput): { days: CalendarDay[]; warnings: string[] } {
  const several = handles.size > 1;
  const who = (profileId: string) =>
    several && handles.get(profileId) ? `@${handles.get(profileId)}: ` : "";
  const weekWarnings = range.cadence.filter(
    (c) => c.kind === "week" && dates.some((d) => d >= c.date && d < addDaysToLocalDate(c.date, 7)),
  );
  const days = dates.map((date): CalendarDay => {
    const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
    const posts = range.items
      .filter((i) => i.localDate === date)
      .map((i) => toCalendarPost(i, workspaceId, typeLabels));
    const warning = range.cadence
      .filter((c) => c.kind === "day" && c.date === date)
      .map((c) => `${who(c.profileId)}${c.message}`)
      .join(" ");
    const slots = (bestSlots?.best ?? [])
      .filter((c) => c.weekday === weekday)
      .map((c) => ({
        time: `${String(c.startHour).padStart(2, "0")}:00`,
        note: `${c.lift.toFixed(1)}x your typical post by ${bestSlots?.denominator ?? "reach"}, from ${c.n} posts`,
      }));
    return {
      date,
      label: month
        ? dayLabel(date, { weekday: "short", day: "numeric", month: "short" })
        : dayLabel(date, { weekday: "short", day: "numeric" }),
      shortLabel: month ? String(Number(date.slice(8))) : undefined,
      isToday: date === today,
      isPast: date < today,
      outside: month ? date.slice(0, 7) !== month : undefined,
      posts,
      bestSlots: slots.length ? slots : undefined,
      warning: warning || undefined,
    };
  });
  return {
    days,
    warnings: weekWarnings.map(
      (c) =>
        `${who(c.profileId)}Week of ${dayLabel(c.date, { day: "numeric", month: "long" })}: ${c.message}`,
    ),
  };
}
