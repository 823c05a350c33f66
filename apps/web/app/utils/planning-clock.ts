/** Which clock a planning page counts days on, and the time a new post starts at. */
import { localDateTimeOf } from "@rapport/core";

/** The time zone most of the workspace's profiles use (UTC when there are none). */
export function mainTimeZone(profiles: { timeZone: string }[]): string {
  const counts = new Map<string, number>();
  for (const p of profiles) counts.set(p.timeZone, (counts.get(p.timeZone) ?? 0) + 1);
  return (
    [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "UTC"
  );
}

/** 09:00 on a later day; on today, the next whole hour after now (at most 23:00). */
export function nextPlanningTime(date: string, timeZone: string, now: number): string {
  const local = localDateTimeOf(now, timeZone);
  if (!local || local.slice(0, 10) !== date) return "09:00";
  const hour = Math.min(23, Number(local.slice(11, 13)) + 1);
  return `${String(Math.max(hour, 9)).padStart(2, "0")}:00`;
}
