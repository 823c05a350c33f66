/**
 * A draft's planned time is entered and shown on the PROFILE's clock, not the browser's: a bistro in
 * Lisbon posts at 18:00 Lisbon time even when its manager plans from New York. The form field holds
 * a wall-clock value ("2026-03-31T18:00"); the draft stores the instant.
 */
import { fromLocalTime, toLocalTime } from "@rapport/core";

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant as a datetime-local value on the zone's clock; "" when there is none. */
export function plannedInputValue(instant: Date | string | null, timeZone: string): string {
  if (!instant) return "";
  const local = toLocalTime(new Date(instant).getTime(), timeZone);
  if (!local) return "";
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;
}

/**
 * The instant (ISO) at which the zone's clock reads the datetime-local value; null for an empty or
 * malformed value. In the hour skipped when clocks go forward, it lands just after the gap; in the
 * hour repeated when they go back, on one of the two instants that read that time.
 */
export function plannedInstant(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const t = fromLocalTime({ year, month, day, hour, minute }, timeZone);
  return t === null ? null : new Date(t).toISOString();
}

/** "Mar 31, 2026, 6:00 PM WEST": the planned time on the profile's clock, with the zone named. */
export function formatPlanned(instant: Date | string, timeZone: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  const date = new Date(instant);
  try {
    const text = new Intl.DateTimeFormat("en", { ...options, timeZone }).format(date);
    const zone = new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value;
    return zone ? `${text} ${zone}` : text;
  } catch {
    return date.toISOString();
  }
}
