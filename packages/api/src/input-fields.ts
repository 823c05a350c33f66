/**
 * Field helpers every input schema builds on, so a value the database cannot store is refused by
 * validation with a sentence instead of failing deep in a query: text without NUL bytes, integers
 * that fit PostgreSQL's `integer`, dates within years the app can use. Zod only (loads in the browser).
 */
import { z } from "zod";

/** PostgreSQL `integer` (int4) bounds. */
export const MAX_INT = 2_147_483_647;
/** Earliest and latest years a date typed into Rapport may have (social posts and plans). */
export const MIN_YEAR = 2004;
export const MAX_YEAR_AHEAD = 1;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/; // eslint-disable-line no-control-regex -- what we refuse

export const NO_CONTROL_MESSAGE =
  "Remove the invisible control characters (such as NUL bytes) from this text.";

/** True when the text holds a character PostgreSQL can't store or a control character nobody types. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** Free text of at most `max` characters, without control characters (tabs and newlines are fine). */
export function textField(
  max: number,
  tooLong = `Use at most ${max.toLocaleString("en")} characters.`,
) {
  return z
    .string()
    .max(max, tooLong)
    .refine((s) => !hasControlCharacters(s), NO_CONTROL_MESSAGE);
}

/** A whole number within [min, max], max at most PostgreSQL's integer limit. */
export function intField(min = 0, max = MAX_INT, label = "This number") {
  return z
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min.toLocaleString("en")}.`)
    .max(
      Math.min(max, MAX_INT),
      `${label} must be at most ${Math.min(max, MAX_INT).toLocaleString("en")}.`,
    );
}

/** The latest year accepted for a date: next year. */
export function maxYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + MAX_YEAR_AHEAD;
}

/** Whether a date falls within the years the app works with. */
export function isSaneDate(date: Date, now: Date = new Date()): boolean {
  const year = date.getUTCFullYear();
  return Number.isFinite(date.getTime()) && year >= MIN_YEAR && year <= maxYear(now);
}

export function saneDateMessage(now: Date = new Date()): string {
  return `Use a date between ${MIN_YEAR} and ${maxYear(now)}.`;
}

/** An ISO date-time with an offset, within the sane years. */
export function isoDateTimeField(message = "Enter a date and time like 2026-03-31T18:00:00Z.") {
  return z.iso
    .datetime({ offset: true, error: message })
    .refine((s) => isSaneDate(new Date(s)), { error: () => saneDateMessage() });
}

/** An ISO calendar date (YYYY-MM-DD), within the sane years. */
export function isoDateField(message = "Use a date like 2026-03-31.") {
  return z.iso
    .date({ error: message })
    .refine((s) => isSaneDate(new Date(`${s}T00:00:00Z`)), { error: () => saneDateMessage() });
}

/** A Date (superjson keeps dates as dates), within the sane years. */
export function dateField(message = "Choose a date.") {
  return z
    .date({ error: message })
    .refine((d) => isSaneDate(d), { error: () => saneDateMessage() });
}
