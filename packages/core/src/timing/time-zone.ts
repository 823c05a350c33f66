/**
 * Time-zone arithmetic through Intl only (works in Node and every browser): the local weekday and
 * hour of an instant in a profile's zone, and the instant of a local wall-clock time.
 */

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** YYYY-MM-DD in the zone. */
  date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local calendar fields of an instant (epoch ms) in `timeZone`; null for invalid input. */
export function toLocalTime(epochMs: number, timeZone: string): LocalTime | null {
  if (!Number.isFinite(epochMs)) return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(timeZone).formatToParts(new Date(epochMs));
  } catch {
    return null;
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const year = Number(get("year"));
  const month = Number(get("month"));
  const day = Number(get("day"));
  const hour = Number(get("hour")) % 24;
  const minute = Number(get("minute"));
  const weekday = WEEKDAYS[get("weekday")];
  if (weekday === undefined || !Number.isFinite(year)) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return { year, month, day, hour, minute, weekday, date: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * The instant (epoch ms) at which the wall clock in `timeZone` reads the given local time. Two
 * passes settle the zone offset, DST transitions included; in a skipped hour it lands just after.
 */
export function fromLocalTime(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): number | null {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  if (!Number.isFinite(guess)) return null;
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const seen = toLocalTime(t, timeZone);
    if (!seen) return null;
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    t += guess - seenUtc;
  }
  return t;
}
