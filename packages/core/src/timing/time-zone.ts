/**
 * Time-zone arithmetic through Intl only (works in Node and every browser): the local weekday and
 * hour of an instant in a profile's zone, and the instant of a local wall-clock time.
 *
 * Intl's formatToParts costs a few microseconds a call, which adds up to seconds over 100,000 posts
 * (two calls per row on import, three per post for cadence). So the zone's UTC offset is asked of Intl
 * once per UTC day, at the day's first and last millisecond: when both agree the day has no offset
 * change and the offset is cached for it; a day with a change (a DST switch) asks Intl for each
 * instant. The one case this would misread, two changes that cancel out within one UTC day, does
 * not occur in the time-zone database.
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
      second: "2-digit",
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

const DAY_MS = 86_400_000;
/** Per zone: UTC day number -> offset in ms, or NaN for a day in which the offset changes. */
const offsetsByZone = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 200_000;

/** The zone's offset from UTC at an instant, from Intl (to the second). Throws for an unknown zone. */
function intlOffset(epochMs: number, timeZone: string): number | null {
  const parts = formatter(timeZone).formatToParts(new Date(epochMs));
  let year = NaN,
    month = NaN,
    day = NaN,
    hour = NaN,
    minute = NaN,
    second = NaN;
  for (const p of parts) {
    if (p.type === "year") year = Number(p.value);
    else if (p.type === "month") month = Number(p.value);
    else if (p.type === "day") day = Number(p.value);
    else if (p.type === "hour") hour = Number(p.value) % 24;
    else if (p.type === "minute") minute = Number(p.value);
    else if (p.type === "second") second = Number(p.value);
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  if (!Number.isFinite(local)) return null;
  return local - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** The zone's offset from UTC at an instant (ms), through the per-day cache. */
function offsetAt(epochMs: number, timeZone: string): number | null {
  let days = offsetsByZone.get(timeZone);
  if (!days) {
    days = new Map();
    offsetsByZone.set(timeZone, days);
  }
  const dayNumber = Math.floor(epochMs / DAY_MS);
  let cached = days.get(dayNumber);
  if (cached === undefined) {
    const first = intlOffset(dayNumber * DAY_MS, timeZone);
    const last = intlOffset((dayNumber + 1) * DAY_MS - 1, timeZone);
    cached = first !== null && first === last ? first : Number.NaN;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(dayNumber, cached);
  }
  return Number.isNaN(cached) ? intlOffset(epochMs, timeZone) : cached;
}

/** Local calendar fields of an instant (epoch ms) in `timeZone`; null for invalid input. */
export function toLocalTime(epochMs: number, timeZone: string): LocalTime | null {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > 8.64e15) return null;
  let offset: number | null;
  try {
    offset = offsetAt(epochMs, timeZone);
  } catch {
    return null;
  }
  if (offset === null) return null;
  const d = new Date(epochMs + offset);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(year)) return null;
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    year,
    month,
    day,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: (d.getUTCDay() + 6) % 7,
    date: `${year}-${pad(month)}-${pad(day)}`,
  };
}

/** Local fields straight from Intl, without the cache (the reference the cached path is tested against). */
export function toLocalTimeUncached(epochMs: number, timeZone: string): LocalTime | null {
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
 * The instant (epoch ms) at which the wall clock in `timeZone` reads the given local time, by the
 * one rule of `resolveLocalDateTime` (decision 701): a skipped time moves forward by the jump, a
 * repeated time is the earlier instant. Out-of-range fields roll over as in `Date.UTC` (hour 24 is
 * the next day's 00:00). Null for an unknown zone.
 */
export function fromLocalTime(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): number | null {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  if (!Number.isFinite(wall)) return null;
  return resolveWall(wall, timeZone)?.instant ?? null;
}

/**
 * The instant(s) of a wall time given as if it were UTC (`wall`), from the offsets in force a day
 * either side: every DST change lies between them. Equal offsets (almost every call) need no more
 * work; otherwise the candidates that read back as the wall time are kept, earliest first.
 */
function resolveWall(
  wall: number,
  timeZone: string,
): { instant: number; kind: LocalTimeKind; before: number; after: number } | null {
  let before: number | null;
  let after: number | null;
  try {
    before = offsetAt(wall - DAY_MS, timeZone);
    after = offsetAt(wall + DAY_MS, timeZone);
  } catch {
    return null;
  }
  if (before === null || after === null) return null;
  if (before === after) return { instant: wall - before, kind: "exact", before, after };
  const readsBack = (t: number) => {
    const l = toLocalTime(t, timeZone);
    return l !== null && Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) === wall;
  };
  const first = Math.min(wall - before, wall - after);
  const second = Math.max(wall - before, wall - after);
  const ok = [first, second].filter(readsBack);
  if (ok.length === 2) return { instant: first, kind: "repeated", before, after };
  if (ok.length === 1) return { instant: ok[0] as number, kind: "exact", before, after };
  // Skipped: read with the offset from before the jump, which lands after it by the jump's length.
  return { instant: wall - before, kind: "skipped", before, after };
}

/** A wall-clock time on a profile's clock, "YYYY-MM-DDTHH:mm" (what the calendar stores and shows). */
export type LocalDateTime = string;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_CLOCK = /^(\d{2}):(\d{2})$/;
const pad2 = (n: number) => String(n).padStart(2, "0");

/** Parses "YYYY-MM-DDTHH:mm" into its fields; null when it is not a real calendar date and time. */
export function parseLocalDateTime(
  value: string,
): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute };
}

export function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && parseLocalDateTime(`${value}T00:00`) !== null;
}

export function isLocalClock(value: string): boolean {
  const m = LOCAL_CLOCK.exec(value);
  return Boolean(m && Number(m[1]) < 24 && Number(m[2]) < 60);
}

/** "YYYY-MM-DDTHH:mm" of an instant on `timeZone`'s clock; null for an unknown zone. */
export function localDateTimeOf(epochMs: number, timeZone: string): LocalDateTime | null {
  const l = toLocalTime(epochMs, timeZone);
  return l ? `${l.date}T${pad2(l.hour)}:${pad2(l.minute)}` : null;
}

/** The calendar date `days` after a local date (plain calendar arithmetic: DST cannot shift it). */
export function addDaysToLocalDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday, of a local date. */
export function weekdayOfLocalDate(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The Monday of a local date's week. */
export function weekStartOfLocalDate(date: string): string {
  return addDaysToLocalDate(date, -weekdayOfLocalDate(date));
}

export type LocalTimeKind = "exact" | "skipped" | "repeated";

export interface ResolvedLocalTime {
  /** The instant (epoch ms). */
  instant: number;
  /** The wall-clock time the post will show, which differs from the request only in a skipped hour. */
  local: LocalDateTime;
  requested: LocalDateTime;
  kind: LocalTimeKind;
  /** What was done and why, in words the UI shows; null when the time existed once. */
  resolution: string | null;
}

function wallMs(f: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute);
}

/**
 * The instant of a wall-clock time on a zone's clock, with the rule for the two DST edge cases
 * (decision 701):
 * - a time that does not exist (clocks jump forward over it) moves forward by the jump: 02:30 on
 *   the night Paris springs forward is 03:30;
 * - a time that happens twice (clocks fall back) is the earlier of the two instants (still on
 *   summer time).
 * These are the "compatible" rules of RFC 5545 and JavaScript's Temporal. Null for an invalid
 * local time or an unknown zone.
 */
export function resolveLocalDateTime(
  requested: LocalDateTime,
  timeZone: string,
): ResolvedLocalTime | null {
  const fields = parseLocalDateTime(requested);
  if (!fields) return null;
  const r = resolveWall(wallMs(fields), timeZone);
  if (!r) return null;
  const zoneName = timeZone.replace(/_/g, " ");
  if (r.kind === "exact")
    return { instant: r.instant, local: requested, requested, kind: "exact", resolution: null };
  if (r.kind === "repeated") {
    const time = requested.slice(11);
    return {
      instant: r.instant,
      local: requested,
      requested,
      kind: "repeated",
      resolution: `${time} happens twice on ${requested.slice(0, 10)} in ${zoneName} (the clocks go back); the post goes out at the first ${time}, before the change.`,
    };
  }
  const local = localDateTimeOf(r.instant, timeZone) ?? requested;
  const gapMinutes = Math.round((r.after - r.before) / 60_000);
  const gap = gapMinutes === 60 ? "hour" : `${gapMinutes} minutes`;
  return {
    instant: r.instant,
    local,
    requested,
    kind: "skipped",
    resolution: `${requested.slice(11)} does not exist on ${requested.slice(0, 10)} in ${zoneName} (the clocks go forward); the post goes out at ${local.slice(11)}, moved forward by the ${gap} the clocks skip.`,
  };
}

/** The instants at which a local date starts and the next one starts on the zone's clock. */
export function localDayBounds(
  date: string,
  timeZone: string,
): { start: number; end: number } | null {
  const start = resolveLocalDateTime(`${date}T00:00`, timeZone);
  const end = resolveLocalDateTime(`${addDaysToLocalDate(date, 1)}T00:00`, timeZone);
  return start && end ? { start: start.instant, end: end.instant } : null;
}
