// Example days for the calendar's stories: the week of 2 March 2026 and that month as whole weeks.
import type { CalendarPost } from "../post-chip/post-chip";
import type { CalendarDay } from "./calendar-types";

export const post = (
  p: Partial<CalendarPost> & Pick<CalendarPost, "id" | "title" | "time">,
): CalendarPost => ({
  platform: "instagram",
  contentType: "photo",
  status: "scheduled",
  ...p,
});

const thumb = (hue: number) =>
  `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${hue} 45% 55%)"/><circle cx="22" cy="24" r="9" fill="hsl(${hue} 60% 85%)"/><path d="M0 64 L26 36 L44 52 L64 30 L64 64Z" fill="hsl(${hue} 40% 35%)"/></svg>`)}`;

export const week: CalendarDay[] = [
  {
    date: "2026-03-02",
    label: "Mon 2",
    isPast: true,
    posts: [
      post({
        id: "a",
        title: "Sourdough turns five",
        time: "08:30",
        contentType: "reel",
        status: "published",
        score: { value: 72, band: "strong" },
        thumbnailUrl: thumb(30),
      }),
    ],
  },
  { date: "2026-03-03", label: "Tue 3", isPast: true, posts: [] },
  {
    date: "2026-03-04",
    label: "Wed 4",
    isToday: true,
    posts: [
      post({
        id: "b",
        title: "Meet Ana, our new chef",
        time: "12:00",
        platform: "facebook",
        status: "draft",
      }),
    ],
    bestSlots: [{ time: "18:00", note: "1.3x your typical post, from 26 posts" }],
  },
  {
    date: "2026-03-05",
    label: "Thu 5",
    posts: [
      post({
        id: "c",
        title: "Behind the pass",
        time: "18:30",
        platform: "tiktok",
        contentType: "video",
        status: "in_review",
        score: { value: 94, band: "standout" },
      }),
      post({
        id: "d",
        title: "Thursday specials",
        time: "11:00",
        platform: "x",
        contentType: "text",
        score: { value: 41, band: "typical" },
      }),
      post({
        id: "d2",
        title: "Lunch queue at noon",
        time: "12:15",
        contentType: "story",
        status: "approved",
        isExample: true,
        thumbnailUrl: thumb(200),
      }),
    ],
    warning: "3 posts on one day: the third tends to take reach from the others.",
  },
  {
    date: "2026-03-06",
    label: "Fri 6",
    posts: [],
    bestSlots: [{ time: "12:00", note: "1.2x your typical post, from 31 posts" }],
  },
  {
    date: "2026-03-07",
    label: "Sat 7",
    posts: [
      post({
        id: "e",
        title: "Market haul",
        time: "10:00",
        contentType: "carousel",
        score: { value: 18, band: "low" },
        isExample: true,
        thumbnailUrl: thumb(110),
      }),
    ],
  },
  { date: "2026-03-08", label: "Sun 8", posts: [] },
];

const monthNames = ["Feb", "Mar", "Apr"];
/** March 2026 as Monday-first weeks: 23 February to 5 April. */
export const month: CalendarDay[] = Array.from({ length: 42 }, (_, i) => {
  const d = new Date(Date.UTC(2026, 1, 23 + i));
  const date = d.toISOString().slice(0, 10);
  const inWeek = week.find((w) => w.date === date);
  const weekday = d.toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });
  const dayOfMonth = d.getUTCDate();
  const base: CalendarDay = {
    date,
    label: `${weekday} ${dayOfMonth} ${monthNames[d.getUTCMonth() - 1] ?? ""}`.trim(),
    shortLabel: String(dayOfMonth),
    outside: d.getUTCMonth() !== 2,
    isPast: date < "2026-03-04",
    posts: [],
  };
  if (inWeek) return { ...inWeek, label: base.label, shortLabel: base.shortLabel, outside: false };
  if (date === "2026-03-12")
    return {
      ...base,
      posts: [
        post({
          id: "m1",
          title: "Spring menu teaser",
          time: "17:00",
          contentType: "reel",
          score: { value: 66, band: "strong" },
        }),
      ],
    };
  if (date === "2026-03-18")
    return {
      ...base,
      posts: [
        post({
          id: "m2",
          title: "Staff picks",
          time: "09:00",
          contentType: "carousel",
          status: "draft",
        }),
      ],
    };
  return base;
});
